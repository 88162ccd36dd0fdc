export class VoidInvoiceCommand {
  constructor(readonly invoiceId: string) {}
}
