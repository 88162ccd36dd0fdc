import { defineEvent } from '../../events/event-definition';
import { type Infer, schema } from '../../events/schema';
import { Permission } from '../../permissions/permission.enum';
import type { RoleEntity } from '../../tenancy/entities/role.entity';

const PERMISSIONS = Object.values(Permission) as [Permission, ...Permission[]];

export const ROLE_SNAPSHOT = schema.object({
  id: schema.uuid(),
  tenantId: schema.nullable(schema.uuid()),
  name: schema.string(),
  description: schema.nullable(schema.string()),
  grants: schema.array(schema.enum(...PERMISSIONS)),
  builtIn: schema.boolean(),
  createdAt: schema.timestamp(),
  updatedAt: schema.timestamp(),
  deletedAt: schema.nullable(schema.timestamp()),
  createdBy: schema.nullable(schema.uuid()),
  updatedBy: schema.nullable(schema.uuid()),
  version: schema.integer(),
});
export type RoleSnapshot = Infer<typeof ROLE_SNAPSHOT>;

export function roleSnapshot(role: RoleEntity): RoleSnapshot {
  return {
    id: role.id,
    tenantId: role.tenantId,
    name: role.name,
    description: role.description ?? null,
    grants: [...role.grants],
    builtIn: role.builtIn,
    createdAt: role.createdAt,
    updatedAt: role.updatedAt,
    deletedAt: role.deletedAt ?? null,
    createdBy: role.createdBy ?? null,
    updatedBy: role.updatedBy ?? null,
    version: role.version,
  };
}

export const RoleCreated = defineEvent('role.created', 1, ROLE_SNAPSHOT);
export const RoleUpdated = defineEvent('role.updated', 1, ROLE_SNAPSHOT);
export const RoleDeleted = defineEvent('role.deleted', 1, ROLE_SNAPSHOT);
