import type { CreateWebhookDto } from '../dto/create-webhook.dto';

export class CreateWebhookCommand {
  constructor(readonly input: CreateWebhookDto) {}
}
