import type { UpdateWebhookDto } from '../dto/update-webhook.dto';

export class UpdateWebhookCommand {
  constructor(
    readonly webhookId: string,
    readonly input: UpdateWebhookDto,
  ) {}
}
