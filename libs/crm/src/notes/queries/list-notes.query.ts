import type { ListNotesParams } from '../dto/list-notes.params';

export class ListNotesQuery {
  constructor(readonly params: ListNotesParams) {}
}
