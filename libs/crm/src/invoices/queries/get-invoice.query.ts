export class GetInvoiceQuery {
  constructor(readonly invoiceId: string) {}
}
