import type { OrganizationScopedEntity, TenantScopedEntity } from '../tenancy/scoped.entity';
import { schema } from './schema';

/** The common columns of a tenant-owned row (DESIGN §1), as every snapshot carries them. */
export const TENANT_RECORD_FIELDS = {
  id: schema.uuid(),
  tenantId: schema.uuid(),
  createdAt: schema.timestamp(),
  updatedAt: schema.timestamp(),
  deletedAt: schema.nullable(schema.timestamp()),
  createdBy: schema.nullable(schema.uuid()),
  updatedBy: schema.nullable(schema.uuid()),
  version: schema.integer(),
} as const;

export const ORGANIZATION_RECORD_FIELDS = { ...TENANT_RECORD_FIELDS, organizationId: schema.uuid() } as const;

export interface TenantRecordSnapshot {
  readonly id: string;
  readonly tenantId: string;
  readonly createdAt: Date | string;
  readonly updatedAt: Date | string;
  readonly deletedAt: Date | string | null;
  readonly createdBy: string | null;
  readonly updatedBy: string | null;
  readonly version: number;
}

/** The common columns of `entity`; `deletedAt` and the authors may be unset right after an insert. */
export function tenantRecordSnapshot(entity: TenantScopedEntity): TenantRecordSnapshot {
  return {
    id: entity.id,
    tenantId: entity.tenantId,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
    deletedAt: entity.deletedAt ?? null,
    createdBy: entity.createdBy ?? null,
    updatedBy: entity.updatedBy ?? null,
    version: entity.version,
  };
}

export function organizationRecordSnapshot(
  entity: OrganizationScopedEntity,
): TenantRecordSnapshot & { readonly organizationId: string } {
  return { ...tenantRecordSnapshot(entity), organizationId: entity.organizationId };
}
