export class RedeliverWebhookDeliveryCommand {
  constructor(
    readonly webhookId: string,
    readonly deliveryId: string,
  ) {}
}
