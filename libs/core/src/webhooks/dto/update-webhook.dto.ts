import { PartialType } from '@nestjs/swagger';
import { CreateWebhookDto } from './create-webhook.dto';

/** Any field of a webhook; `active: true` switches an auto-disabled webhook back on. */
export class UpdateWebhookDto extends PartialType(CreateWebhookDto) {}
