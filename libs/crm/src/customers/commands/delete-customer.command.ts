export class DeleteCustomerCommand {
  constructor(readonly customerId: string) {}
}
