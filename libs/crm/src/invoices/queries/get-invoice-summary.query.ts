import type { InvoiceSummaryParams } from '../dto/invoice-summary.params';

export class GetInvoiceSummaryQuery {
  constructor(readonly params: InvoiceSummaryParams) {}
}
