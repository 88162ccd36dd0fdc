import { defineEvent } from '../../events/event-definition';
import { TENANT_RECORD_FIELDS, tenantRecordSnapshot } from '../../events/record-snapshot';
import { type Infer, schema } from '../../events/schema';
import type { TenantEntity } from '../entities/tenant.entity';
import type { UserEntity } from '../entities/user.entity';

export const TENANT_SNAPSHOT = schema.object({
  id: schema.uuid(),
  name: schema.string(),
  createdAt: schema.timestamp(),
  updatedAt: schema.timestamp(),
});
export type TenantSnapshot = Infer<typeof TENANT_SNAPSHOT>;

export function tenantSnapshot(tenant: TenantEntity): TenantSnapshot {
  return { id: tenant.id, name: tenant.name, createdAt: tenant.createdAt, updatedAt: tenant.updatedAt };
}

/** A user as events carry it: never the password hash. */
export const USER_SNAPSHOT = schema.object({
  ...TENANT_RECORD_FIELDS,
  email: schema.string(),
  firstName: schema.string(),
  lastName: schema.string(),
  isActive: schema.boolean(),
});
export type UserSnapshot = Infer<typeof USER_SNAPSHOT>;

export function userSnapshot(user: UserEntity): UserSnapshot {
  return {
    ...tenantRecordSnapshot(user),
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    isActive: user.isActive,
  };
}

export const TenantCreated = defineEvent('tenant.created', 1, TENANT_SNAPSHOT);
export const UserCreated = defineEvent('user.created', 1, USER_SNAPSHOT);
