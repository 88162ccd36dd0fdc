import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScopedReader } from '../../database/unit-of-work';
import { WebhookEntity } from '../entities/webhook.entity';
import { findManageableWebhook } from '../manageable-webhooks';
import { GetWebhookQuery } from './get-webhook.query';

@QueryHandler(GetWebhookQuery)
export class GetWebhookHandler implements IQueryHandler<GetWebhookQuery, WebhookEntity> {
  constructor(private readonly reader: ScopedReader) {}

  execute({ webhookId }: GetWebhookQuery): Promise<WebhookEntity> {
    return findManageableWebhook(this.reader.repository(WebhookEntity), webhookId);
  }
}
