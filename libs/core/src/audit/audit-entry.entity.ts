import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who did what, when, with the record before and after. Written by the unit of work. */
@Entity('audit_entry')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  tenantId: string;

  @Column('uuid', { nullable: true })
  organizationId: string | null;

  @Column('text')
  actorType: string;

  @Column('uuid', { nullable: true })
  actorId: string | null;

  /** The event type, e.g. `contact.updated`. */
  @Column('text')
  action: string;

  @Column('text')
  entity: string;

  @Column('uuid', { nullable: true })
  entityId: string | null;

  @Column('jsonb', { nullable: true })
  before: Record<string, unknown> | null;

  @Column('jsonb', { nullable: true })
  after: Record<string, unknown> | null;

  @Column('text', { nullable: true })
  requestId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
