import type { ListCustomersParams } from '../dto/list-customers.params';

export class ListCustomersQuery {
  constructor(readonly params: ListCustomersParams) {}
}
