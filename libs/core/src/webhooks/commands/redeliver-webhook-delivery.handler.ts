import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../database/unit-of-work';
import { ConflictError, NotFoundError } from '../../errors/domain-error';
import { WebhookDeliveryResponse } from '../dto/webhook-delivery.response';
import { WebhookDeliveryEntity } from '../entities/webhook-delivery.entity';
import { WebhookEntity } from '../entities/webhook.entity';
import { findManageableWebhook } from '../manageable-webhooks';
import { queueDelivery } from './queue-delivery';
import { RedeliverWebhookDeliveryCommand } from './redeliver-webhook-delivery.command';

/**
 * Sends a delivered or dead-lettered delivery's event again, as a new delivery (the log keeps
 * both), at the end of the webhook's queue. One still pending is a 409: it is being retried.
 */
@CommandHandler(RedeliverWebhookDeliveryCommand)
export class RedeliverWebhookDeliveryHandler implements ICommandHandler<
  RedeliverWebhookDeliveryCommand,
  WebhookDeliveryResponse
> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ webhookId, deliveryId }: RedeliverWebhookDeliveryCommand): Promise<WebhookDeliveryResponse> {
    return this.uow.run(async (tx) => {
      const webhook = await findManageableWebhook(tx.repository(WebhookEntity), webhookId);
      const deliveries = tx.repository(WebhookDeliveryEntity);
      const original = await deliveries
        .query('delivery')
        .andWhere('delivery.id = :deliveryId AND delivery.webhookId = :webhookId', {
          deliveryId,
          webhookId: webhook.id,
        })
        .getOne();
      if (original === null) throw new NotFoundError('WEBHOOK_DELIVERY', deliveryId);
      if (original.status === 'PENDING') {
        throw new ConflictError('DELIVERY_PENDING', 'This delivery is still pending; it is retried on its own.');
      }
      const delivery = await queueDelivery(deliveries, {
        webhookId: webhook.id,
        eventId: original.outboxEventId,
        sequence: original.sequence,
        redeliveryOf: original.id,
      });
      return WebhookDeliveryResponse.from(delivery);
    });
  }
}
