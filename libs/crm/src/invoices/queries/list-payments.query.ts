export class ListPaymentsQuery {
  constructor(readonly invoiceId: string) {}
}
