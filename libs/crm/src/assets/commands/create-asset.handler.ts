import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import { assertAssetParties, assertAssetSerialFree } from '../asset-parties';
import { AssetEntity } from '../entities/asset.entity';
import { assetSnapshot, recordAssetChange } from '../events/asset.events';
import { CreateAssetCommand } from './create-asset.command';

/** A new asset of a customer of the organization, optionally in a contact's hands. */
@CommandHandler(CreateAssetCommand)
export class CreateAssetHandler implements ICommandHandler<CreateAssetCommand, AssetEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ input }: CreateAssetCommand): Promise<AssetEntity> {
    return this.uow.run(async (tx) => {
      const organizationId = tx.scope.targetOrganizationId(input.organizationId);
      await assertAssetParties(tx, organizationId, { customerId: input.customerId, contactId: input.contactId });
      const assets = tx.repository(AssetEntity);
      const asset = assets.create({
        organizationId,
        customerId: input.customerId.toLowerCase(),
        contactId: input.contactId?.toLowerCase() ?? null,
        name: input.name,
        kind: input.kind ?? 'OTHER',
        serialNumber: input.serialNumber ?? null,
        rmmDeviceId: input.rmmDeviceId ?? null,
        lastSeenAt: input.lastSeenAt == null ? null : new Date(input.lastSeenAt),
      });
      await assertAssetSerialFree(tx, asset);
      const saved = await assets.save(asset);
      await recordAssetChange(tx, 'created', saved, { after: assetSnapshot(saved) });
      return saved;
    });
  }
}
