import { randomUUID } from 'node:crypto';
import type { ScopedRepository } from '../../tenancy/scoped-repository';
import type { WebhookDeliveryEntity } from '../entities/webhook-delivery.entity';

/** A new pending delivery of `eventId` to `webhookId`, due now, at the end of the webhook's queue. */
export function queueDelivery(
  deliveries: ScopedRepository<WebhookDeliveryEntity>,
  delivery: { webhookId: string; eventId: string; sequence: string | null; redeliveryOf: string | null },
): Promise<WebhookDeliveryEntity> {
  return deliveries.save(
    deliveries.create({
      id: randomUUID(),
      webhookId: delivery.webhookId,
      outboxEventId: delivery.eventId,
      sequence: delivery.sequence,
      destination: `webhook:${delivery.webhookId}`,
      status: 'PENDING',
      attempts: 0,
      nextAttemptAt: new Date(),
      redeliveryOf: delivery.redeliveryOf,
    }),
  );
}
