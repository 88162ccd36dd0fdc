import type { ListTagsParams } from '../dto/list-tags.params';

export class ListTagsQuery {
  constructor(readonly params: ListTagsParams) {}
}
