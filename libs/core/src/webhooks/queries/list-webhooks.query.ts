import type { ListWebhooksParams } from '../dto/list-webhooks.params';

export class ListWebhooksQuery {
  constructor(readonly params: ListWebhooksParams) {}
}
