import { ApiProperty } from '@nestjs/swagger';
import {
  DELIVERY_STATUSES,
  type DeliveryStatus,
  type WebhookDeliveryEntity,
} from '../entities/webhook-delivery.entity';

/** One event's delivery to a webhook: `Clientele-Delivery-Id` is its id. */
export class WebhookDeliveryResponse {
  id: string;
  webhookId: string;
  /** The event sent (`Clientele-Event-Id`). */
  eventId: string;
  /** The event's sequence; null for a test ping. */
  @ApiProperty({ type: String, pattern: '^[0-9]+$', nullable: true })
  sequence: string | null;
  @ApiProperty({ enum: DELIVERY_STATUSES })
  status: DeliveryStatus;
  attempts: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  nextAttemptAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastAttemptAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deliveredAt: string | null;
  /** The receiver's last HTTP status; null when it could not be reached. */
  @ApiProperty({ type: Number, nullable: true })
  responseStatus: number | null;
  /** The start of the receiver's last answer (at most 1 KB). */
  @ApiProperty({ type: String, nullable: true })
  responseBody: string | null;
  @ApiProperty({ type: Number, nullable: true })
  durationMs: number | null;
  /** Why the last attempt failed. */
  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;
  /** The delivery this one repeats. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  redeliveryOf: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;

  static from(delivery: WebhookDeliveryEntity): WebhookDeliveryResponse {
    return {
      id: delivery.id,
      webhookId: delivery.webhookId,
      eventId: delivery.outboxEventId,
      sequence: delivery.sequence,
      status: delivery.status,
      attempts: delivery.attempts,
      nextAttemptAt: delivery.nextAttemptAt?.toISOString() ?? null,
      lastAttemptAt: delivery.lastAttemptAt?.toISOString() ?? null,
      deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
      responseStatus: delivery.responseStatus,
      responseBody: delivery.responseBody,
      durationMs: delivery.durationMs,
      lastError: delivery.lastError,
      redeliveryOf: delivery.redeliveryOf,
      createdAt: delivery.createdAt.toISOString(),
    };
  }
}
