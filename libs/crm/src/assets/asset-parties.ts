import type { Transaction } from '@clientele/core';
import { CustomerEntity } from '../customers';
import { ContactEntity } from '../organization-contact';
import { AssetSerialTakenError } from './asset-serial-taken.error';
import { AssetEntity } from './entities/asset.entity';

/** The records an asset's body names, each checked in the asset's organization. */
export interface AssetParties {
  readonly customerId?: string;
  readonly contactId?: string | null;
}

/**
 * The customer and the contact must be live records of the asset's organization: another
 * organization's or tenant's (or a deleted one) answers 404 naming the field.
 */
export async function assertAssetParties(
  tx: Transaction,
  organizationId: string,
  { customerId, contactId }: AssetParties,
): Promise<void> {
  if (customerId !== undefined) {
    await tx.repository(CustomerEntity).findReferenced(customerId, organizationId, 'customerId');
  }
  if (contactId != null) await tx.repository(ContactEntity).findReferenced(contactId, organizationId, 'contactId');
}

/**
 * A serial number is free for a customer when no other live asset of it has it (any case). The
 * check names the holder; the partial unique index `asset_serial_uq` is the backstop.
 */
export async function assertAssetSerialFree(
  tx: Transaction,
  asset: Pick<AssetEntity, 'organizationId' | 'customerId' | 'serialNumber'> & { id?: string },
): Promise<void> {
  if (asset.serialNumber === null) return;
  const holder = await tx
    .repository(AssetEntity)
    .query('asset', 'visible')
    .andWhere('asset.organizationId = :serialOrganizationId', { serialOrganizationId: asset.organizationId })
    .andWhere('asset.customerId = :serialCustomerId', { serialCustomerId: asset.customerId })
    .andWhere('lower(asset.serialNumber) = lower(:serialNumber)', { serialNumber: asset.serialNumber })
    .getOne();
  if (holder !== null && holder.id !== asset.id) throw new AssetSerialTakenError(holder.id, asset.serialNumber);
}
