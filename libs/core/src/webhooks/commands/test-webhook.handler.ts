import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../database/unit-of-work';
import { WebhookDeliveryResponse } from '../dto/webhook-delivery.response';
import { WebhookDeliveryEntity } from '../entities/webhook-delivery.entity';
import { WebhookEntity } from '../entities/webhook.entity';
import { WebhookTested, webhookSnapshot } from '../events/webhook.events';
import { findManageableWebhook } from '../manageable-webhooks';
import { queueDelivery } from './queue-delivery';
import { TestWebhookCommand } from './test-webhook.command';

/**
 * Queues a `webhook.tested` ping for this webhook only (sent while it is active), signed like every
 * delivery; its outcome shows in the delivery log within seconds.
 */
@CommandHandler(TestWebhookCommand)
export class TestWebhookHandler implements ICommandHandler<TestWebhookCommand, WebhookDeliveryResponse> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ webhookId }: TestWebhookCommand): Promise<WebhookDeliveryResponse> {
    return this.uow.run(async (tx) => {
      const webhook = await findManageableWebhook(tx.repository(WebhookEntity), webhookId);
      const eventId = await tx.publish(WebhookTested, {
        entityId: webhook.id,
        organizationId: null,
        after: webhookSnapshot(webhook),
      });
      const delivery = await queueDelivery(tx.repository(WebhookDeliveryEntity), {
        webhookId: webhook.id,
        eventId,
        sequence: null,
        redeliveryOf: null,
      });
      return WebhookDeliveryResponse.from(delivery);
    });
  }
}
