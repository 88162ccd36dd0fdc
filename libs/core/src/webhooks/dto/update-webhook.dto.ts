import { PartialType } from '@nestjs/swagger';
import { CreateWebhookDto } from './create-webhook.dto';

/**
 * Any field of a webhook; fields left out keep their value, `null` is refused (nothing here can
 * be cleared). `active: true` switches an auto-disabled webhook back on.
 */
export class UpdateWebhookDto extends PartialType(CreateWebhookDto, { skipNullProperties: false }) {}
