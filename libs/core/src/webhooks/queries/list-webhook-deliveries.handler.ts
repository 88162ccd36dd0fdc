import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScopedReader } from '../../database/unit-of-work';
import type { Page } from '../../pagination/page';
import { paginate } from '../../pagination/paginate';
import { WebhookDeliveryEntity } from '../entities/webhook-delivery.entity';
import { WebhookEntity } from '../entities/webhook.entity';
import { findManageableWebhook } from '../manageable-webhooks';
import { ListWebhookDeliveriesQuery } from './list-webhook-deliveries.query';

/** A webhook's delivery log, newest first; `status=DEAD` is its dead-letter list. */
@QueryHandler(ListWebhookDeliveriesQuery)
export class ListWebhookDeliveriesHandler implements IQueryHandler<
  ListWebhookDeliveriesQuery,
  Page<WebhookDeliveryEntity>
> {
  constructor(private readonly reader: ScopedReader) {}

  async execute({ webhookId, params }: ListWebhookDeliveriesQuery): Promise<Page<WebhookDeliveryEntity>> {
    const webhook = await findManageableWebhook(this.reader.repository(WebhookEntity), webhookId);
    const qb = this.reader
      .repository(WebhookDeliveryEntity)
      .query('delivery')
      .andWhere('delivery.webhookId = :webhookId', { webhookId: webhook.id });
    if (params.status !== undefined) qb.andWhere('delivery.status = :status', { status: params.status });
    return paginate(qb, params, { createdAt: 'createdAt' }, '-createdAt');
  }
}
