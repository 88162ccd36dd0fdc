import {
  defineEvent,
  EventVisibilities,
  type Infer,
  ORGANIZATION_RECORD_FIELDS,
  organizationRecordSnapshot,
  Permission,
  schema,
  type Transaction,
} from '@clientele/core';
import { ASSET_KINDS } from '../asset-kind';
import type { AssetEntity } from '../entities/asset.entity';

/** An asset as audit entries and events carry it: its columns. */
export const ASSET_SNAPSHOT = schema.object({
  ...ORGANIZATION_RECORD_FIELDS,
  customerId: schema.uuid(),
  contactId: schema.nullable(schema.uuid()),
  name: schema.string(),
  kind: schema.enum(...ASSET_KINDS),
  serialNumber: schema.nullable(schema.string()),
  rmmDeviceId: schema.nullable(schema.string()),
  lastSeenAt: schema.nullable(schema.timestamp()),
});
export type AssetSnapshot = Infer<typeof ASSET_SNAPSHOT>;

export function assetSnapshot(asset: AssetEntity): AssetSnapshot {
  return {
    ...organizationRecordSnapshot(asset),
    customerId: asset.customerId,
    contactId: asset.contactId ?? null,
    name: asset.name,
    kind: asset.kind,
    serialNumber: asset.serialNumber ?? null,
    rmmDeviceId: asset.rmmDeviceId ?? null,
    lastSeenAt: asset.lastSeenAt ?? null,
  };
}

export const AssetCreated = defineEvent('asset.created', 1, ASSET_SNAPSHOT);
export const AssetUpdated = defineEvent('asset.updated', 1, ASSET_SNAPSHOT);
export const AssetDeleted = defineEvent('asset.deleted', 1, ASSET_SNAPSHOT);

// Assets are part of the customer record: who may read customers may read their assets' events.
EventVisibilities.register({ key: 'asset', grant: Permission.ORG_CUSTOMER_VIEW });

const EVENTS = { created: AssetCreated, updated: AssetUpdated, deleted: AssetDeleted } as const;

export async function recordAssetChange(
  tx: Transaction,
  verb: keyof typeof EVENTS,
  asset: AssetEntity,
  change: { before?: AssetSnapshot; after?: AssetSnapshot },
): Promise<void> {
  await tx.publish(EVENTS[verb], { entityId: asset.id, organizationId: asset.organizationId, ...change });
}
