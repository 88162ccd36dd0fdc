import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import { AssetEntity } from '../entities/asset.entity';
import { assetSnapshot, recordAssetChange } from '../events/asset.events';
import { DeleteAssetCommand } from './delete-asset.command';

/** Soft-deletes an asset; its serial number is free again. */
@CommandHandler(DeleteAssetCommand)
export class DeleteAssetHandler implements ICommandHandler<DeleteAssetCommand, void> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ assetId }: DeleteAssetCommand): Promise<void> {
    return this.uow.run(async (tx) => {
      const assets = tx.repository(AssetEntity);
      const asset = await assets.findOneForUpdate(assetId);
      const before = assetSnapshot(asset);
      await assets.softRemove(asset);
      await recordAssetChange(tx, 'deleted', asset, { before });
    });
  }
}
