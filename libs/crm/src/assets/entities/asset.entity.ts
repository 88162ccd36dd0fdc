import { Column, Entity } from 'typeorm';
import { OrganizationScopedEntity } from '@clientele/core';
import type { AssetKind } from '../asset-kind';

/**
 * Something a customer owns that the service desk looks after (a workstation, a server, a
 * switch, a licence): always one customer's, optionally in a contact's hands. `rmmDeviceId` is
 * the remote-monitoring tool's id for the device and `lastSeenAt` when that tool last saw it.
 */
@Entity('asset')
export class AssetEntity extends OrganizationScopedEntity {
  @Column('uuid')
  customerId: string;

  @Column('uuid', { nullable: true })
  contactId: string | null;

  @Column('text')
  name: string;

  @Column('text', { default: 'OTHER' })
  kind: AssetKind;

  /** Unique per customer among live assets, case-insensitively (409 `ASSET_SERIAL_TAKEN`). */
  @Column('text', { nullable: true })
  serialNumber: string | null;

  @Column('text', { nullable: true })
  rmmDeviceId: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  lastSeenAt: Date | null;
}
