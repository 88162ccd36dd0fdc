import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An event written in the same transaction as the change it describes. `position` grows
 * monotonically; the relay (a later module) publishes rows and stamps `publishedAt`.
 */
@Entity('outbox_event')
export class OutboxEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  position: string;

  @Column('uuid', { unique: true })
  id: string;

  @Column('uuid')
  tenantId: string;

  @Column('uuid', { nullable: true })
  organizationId: string | null;

  /** `<entity>.<verb>`, e.g. `contact.created`. */
  @Column('text')
  type: string;

  @Column('text')
  entity: string;

  @Column('uuid', { nullable: true })
  entityId: string | null;

  @Column('jsonb')
  payload: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  publishedAt: Date | null;
}
