export class GetWebhookQuery {
  constructor(readonly webhookId: string) {}
}
