import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'DEAD'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One event for one webhook (an `outbox_delivery` row with `webhook_id`): PENDING until it is
 * answered 2xx (DELIVERED) or has failed `WEBHOOK_MAX_ATTEMPTS` times (DEAD). A webhook's
 * deliveries go out one after another in `ordinal` order.
 */
@Entity('outbox_delivery')
export class WebhookDeliveryEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  tenantId: string;

  @Column('uuid')
  webhookId: string;

  @Column('uuid')
  outboxEventId: string;

  /** The event's sequence when it was fanned out; null for a test ping. */
  @Column('bigint', { nullable: true })
  sequence: string | null;

  @Column({ type: 'bigint', insert: false, update: false })
  ordinal: string;

  @Column('text')
  destination: string;

  @Column('text')
  status: DeliveryStatus;

  @Column('integer')
  attempts: number;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  nextAttemptAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  lastAttemptAt: Date | null;

  @Column('integer', { nullable: true })
  responseStatus: number | null;

  @Column('text', { nullable: true })
  responseBody: string | null;

  @Column('integer', { nullable: true })
  durationMs: number | null;

  @Column('text', { nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  deliveredAt: Date | null;

  /** The delivery this one repeats (`POST …/redeliver`). */
  @Column('uuid', { nullable: true })
  redeliveryOf: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
