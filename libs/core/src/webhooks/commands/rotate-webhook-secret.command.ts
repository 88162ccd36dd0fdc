export class RotateWebhookSecretCommand {
  constructor(
    readonly webhookId: string,
    readonly overlapSeconds: number,
  ) {}
}
