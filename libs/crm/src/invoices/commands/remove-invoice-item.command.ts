export class RemoveInvoiceItemCommand {
  constructor(
    readonly invoiceId: string,
    readonly itemId: string,
  ) {}
}
