import { defineEvent } from '../../events/event-definition';
import { TENANT_RECORD_FIELDS, tenantRecordSnapshot } from '../../events/record-snapshot';
import { type Infer, schema } from '../../events/schema';
import { Permission } from '../../permissions/permission.enum';
import type { ApiKeyEntity } from '../entities/api-key.entity';

const PERMISSIONS = Object.values(Permission) as [Permission, ...Permission[]];

/** A key as events carry it: never the secret or its hash. */
export const API_KEY_SNAPSHOT = schema.object({
  ...TENANT_RECORD_FIELDS,
  name: schema.string(),
  prefix: schema.string(),
  grants: schema.array(schema.enum(...PERMISSIONS)),
  organizationIds: schema.array(schema.uuid()),
  expiresAt: schema.nullable(schema.timestamp()),
  revokedAt: schema.nullable(schema.timestamp()),
});
export type ApiKeySnapshot = Infer<typeof API_KEY_SNAPSHOT>;

/** `lastUsedAt` is left out: it changes on use, which is no event. */
export function apiKeySnapshot(key: ApiKeyEntity): ApiKeySnapshot {
  return {
    ...tenantRecordSnapshot(key),
    name: key.name,
    prefix: key.prefix,
    grants: [...key.grants],
    organizationIds: [...key.organizationIds],
    expiresAt: key.expiresAt ?? null,
    revokedAt: key.revokedAt ?? null,
  };
}

export const ApiKeyCreated = defineEvent('api_key.created', 1, API_KEY_SNAPSHOT);
export const ApiKeyRevoked = defineEvent('api_key.revoked', 1, API_KEY_SNAPSHOT);
