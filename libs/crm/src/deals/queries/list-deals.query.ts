import type { ListDealsParams } from '../dto/list-deals.params';

export class ListDealsQuery {
  constructor(readonly params: ListDealsParams) {}
}
