export class GetCustomerQuery {
  constructor(readonly customerId: string) {}
}
