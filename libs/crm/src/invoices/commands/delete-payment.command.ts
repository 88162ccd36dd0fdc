export class DeletePaymentCommand {
  constructor(
    readonly invoiceId: string,
    readonly paymentId: string,
  ) {}
}
