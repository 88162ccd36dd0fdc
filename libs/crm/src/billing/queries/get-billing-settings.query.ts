export class GetBillingSettingsQuery {
  constructor(readonly customerId: string) {}
}
