import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScopedReader } from '../../database/unit-of-work';
import type { Page } from '../../pagination/page';
import { paginate } from '../../pagination/paginate';
import { withinGrantedOrganizations } from '../../tenancy/granted-organization-set';
import { WebhookEntity } from '../entities/webhook.entity';
import { ListWebhooksQuery } from './list-webhooks.query';

/** The webhooks whose every organization is one where the actor manages webhooks. */
@QueryHandler(ListWebhooksQuery)
export class ListWebhooksHandler implements IQueryHandler<ListWebhooksQuery, Page<WebhookEntity>> {
  constructor(private readonly reader: ScopedReader) {}

  execute({ params }: ListWebhooksQuery): Promise<Page<WebhookEntity>> {
    const qb = withinGrantedOrganizations(this.reader.repository(WebhookEntity), 'webhook');
    return paginate(qb, params, { createdAt: 'createdAt', url: 'url' });
  }
}
