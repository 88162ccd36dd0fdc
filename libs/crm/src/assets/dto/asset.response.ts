import { ApiProperty } from '@nestjs/swagger';
import { ASSET_KINDS, type AssetKind } from '../asset-kind';
import type { AssetContactSummary, AssetView } from '../asset-view';

/** The contact an asset is in the hands of. */
export class AssetContactResponse {
  id: string;
  name: string;
  @ApiProperty({ nullable: true, type: String })
  email: string | null;

  static from(contact: AssetContactSummary): AssetContactResponse {
    return { id: contact.id, name: contact.name, email: contact.email };
  }
}

export class AssetResponse {
  id: string;
  organizationId: string;
  customerId: string;
  name: string;
  @ApiProperty({ enum: ASSET_KINDS })
  kind: AssetKind;
  @ApiProperty({ nullable: true, type: String })
  serialNumber: string | null;
  @ApiProperty({ nullable: true, type: String })
  rmmDeviceId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  lastSeenAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The live linked contact (null once it is deleted).' })
  contactId: string | null;
  @ApiProperty({ nullable: true, type: AssetContactResponse })
  contact: AssetContactResponse | null;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
  version: number;

  static from({ asset, contact }: AssetView): AssetResponse {
    return {
      id: asset.id,
      organizationId: asset.organizationId,
      customerId: asset.customerId,
      name: asset.name,
      kind: asset.kind,
      serialNumber: asset.serialNumber,
      rmmDeviceId: asset.rmmDeviceId,
      lastSeenAt: asset.lastSeenAt?.toISOString() ?? null,
      contactId: contact?.id ?? null,
      contact: contact === null ? null : AssetContactResponse.from(contact),
      createdAt: asset.createdAt.toISOString(),
      updatedAt: asset.updatedAt.toISOString(),
      version: asset.version,
    };
  }
}
