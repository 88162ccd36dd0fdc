import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import { assertAssetParties, assertAssetSerialFree } from '../asset-parties';
import { AssetEntity } from '../entities/asset.entity';
import { assetSnapshot, recordAssetChange } from '../events/asset.events';
import { UpdateAssetCommand } from './update-asset.command';

/** Changes the fields sent, published as `asset.updated`. */
@CommandHandler(UpdateAssetCommand)
export class UpdateAssetHandler implements ICommandHandler<UpdateAssetCommand, AssetEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ assetId, input }: UpdateAssetCommand): Promise<AssetEntity> {
    return this.uow.run(async (tx) => {
      const assets = tx.repository(AssetEntity);
      const asset = await assets.findOneForUpdate(assetId);
      const before = assetSnapshot(asset);
      await assertAssetParties(tx, asset.organizationId, { customerId: input.customerId, contactId: input.contactId });
      if (input.customerId !== undefined) asset.customerId = input.customerId.toLowerCase();
      if (input.contactId !== undefined) asset.contactId = input.contactId?.toLowerCase() ?? null;
      if (input.name !== undefined) asset.name = input.name;
      if (input.kind !== undefined) asset.kind = input.kind;
      if (input.serialNumber !== undefined) asset.serialNumber = input.serialNumber;
      if (input.rmmDeviceId !== undefined) asset.rmmDeviceId = input.rmmDeviceId;
      if (input.lastSeenAt !== undefined)
        asset.lastSeenAt = input.lastSeenAt === null ? null : new Date(input.lastSeenAt);
      if (input.serialNumber !== undefined || input.customerId !== undefined) await assertAssetSerialFree(tx, asset);
      const saved = await assets.save(asset);
      await recordAssetChange(tx, 'updated', saved, { before, after: assetSnapshot(saved) });
      return saved;
    });
  }
}
