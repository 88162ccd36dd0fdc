import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An event written in the same transaction as the change it describes (`Transaction.publish`).
 * `sequence` is null until `OutboxSequencer` assigns it in commit order; the feed reads by it.
 * `position` is only the insert order (a late commit can take a lower one): never read by it.
 */
@Entity('outbox_event')
export class OutboxEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  position: string;

  @Column('uuid', { unique: true })
  id: string;

  @Column('bigint', { nullable: true })
  sequence: string | null;

  @Column('uuid')
  tenantId: string;

  @Column('uuid', { nullable: true })
  organizationId: string | null;

  /** `<entity>.<verb>`, e.g. `contact.created`. */
  @Column('text')
  type: string;

  @Column('integer')
  version: number;

  @Column('text')
  entity: string;

  @Column('uuid', { nullable: true })
  entityId: string | null;

  /** The entity's snapshot after the change; null for a deletion. */
  @Column('jsonb', { nullable: true })
  data: Record<string, unknown> | null;

  /** The snapshot before the change; null for a creation. */
  @Column('jsonb', { nullable: true })
  previous: Record<string, unknown> | null;

  @Column('text', { array: true, nullable: true })
  changedFields: string[] | null;

  @Column('text', { nullable: true })
  actorType: string | null;

  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Column('text', { nullable: true })
  requestId: string | null;

  @Column('timestamptz')
  occurredAt: Date;

  /** Generated from `data`/`previous` in the shape of before version-1 events: `{id, organizationId, before, after}`. */
  @Column({ type: 'jsonb', insert: false, update: false })
  payload: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  publishedAt: Date | null;
}
