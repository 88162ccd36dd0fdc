export class DeleteWebhookCommand {
  constructor(readonly webhookId: string) {}
}
