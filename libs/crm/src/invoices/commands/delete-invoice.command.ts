export class DeleteInvoiceCommand {
  constructor(readonly invoiceId: string) {}
}
