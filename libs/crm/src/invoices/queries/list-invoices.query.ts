import type { ListInvoicesParams } from '../dto/list-invoices.params';

export class ListInvoicesQuery {
  constructor(readonly params: ListInvoicesParams) {}
}
