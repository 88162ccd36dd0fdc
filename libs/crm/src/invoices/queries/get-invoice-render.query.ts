export class GetInvoiceRenderQuery {
  constructor(readonly invoiceId: string) {}
}
