import type { ListTicketsParams } from '../dto/list-tickets.params';

export class ListTicketsQuery {
  constructor(readonly params: ListTicketsParams) {}
}
