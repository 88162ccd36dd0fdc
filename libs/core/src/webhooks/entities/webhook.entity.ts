import { Column, Entity } from 'typeorm';
import { TenantScopedEntity } from '../../tenancy/scoped.entity';

/**
 * A subscription of another service to the tenant's events: POSTs each matching event to
 * `url`, signed with its secret. The secrets are stored sealed (`WebhookSecrets`); during a
 * rotation's overlap the previous one signs too.
 */
@Entity('webhook')
export class WebhookEntity extends TenantScopedEntity {
  @Column('text', { nullable: true })
  description: string | null;

  @Column('text')
  url: string;

  /** Type patterns as given: `contact.*`, `deal.stage_changed`, `*`. */
  @Column('text', { array: true })
  types: string[];

  /** `types` as SQL LIKE patterns, for the fan-out. */
  @Column('text', { array: true })
  typeLikes: string[];

  /** Fire a change only when one of these fields changed; null for every change. */
  @Column('text', { array: true, nullable: true })
  fields: string[] | null;

  /** Left out of `data`, `previous` and `changedFields` (personal fields). */
  @Column('text', { array: true })
  omitFields: string[];

  @Column('uuid', { array: true })
  organizationIds: string[];

  @Column('text', { select: false })
  secretSealed: string;

  @Column('text', { select: false, nullable: true })
  previousSecretSealed: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  previousSecretExpiresAt: Date | null;

  @Column('boolean')
  active: boolean;

  /** Why the webhook was switched off automatically; null when active or switched off by hand. */
  @Column('text', { nullable: true })
  disabledReason: string | null;

  /** Dead-lettered deliveries since the last success; at the limit the webhook is disabled. */
  @Column('integer')
  deadInARow: number;
}
