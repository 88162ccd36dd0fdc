import { Column, Entity } from 'typeorm';
import type { Permission } from '../../permissions/permission.enum';
import { TenantScopedEntity } from '../../tenancy/scoped.entity';

/**
 * A service API key for another internal service: acts with `grants` in `organizationIds`,
 * nothing more. The secret is stored only as its SHA-256 (`secretHash`); `prefix` is its start,
 * safe to show so people can tell keys apart.
 */
@Entity('api_key')
export class ApiKeyEntity extends TenantScopedEntity {
  @Column('text')
  name: string;

  @Column('text')
  prefix: string;

  @Column('text', { select: false })
  secretHash: string;

  @Column('text', { array: true })
  grants: Permission[];

  @Column('uuid', { array: true })
  organizationIds: string[];

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  revokedAt: Date | null;

  get status(): 'ACTIVE' | 'EXPIRED' | 'REVOKED' {
    if (this.revokedAt !== null) return 'REVOKED';
    if (this.expiresAt !== null && this.expiresAt.getTime() <= Date.now()) return 'EXPIRED';
    return 'ACTIVE';
  }
}
