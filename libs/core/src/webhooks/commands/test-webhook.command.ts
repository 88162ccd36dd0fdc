export class TestWebhookCommand {
  constructor(readonly webhookId: string) {}
}
