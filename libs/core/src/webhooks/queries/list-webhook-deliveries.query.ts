import type { ListWebhookDeliveriesParams } from '../dto/list-webhook-deliveries.params';

export class ListWebhookDeliveriesQuery {
  constructor(
    readonly webhookId: string,
    readonly params: ListWebhookDeliveriesParams,
  ) {}
}
