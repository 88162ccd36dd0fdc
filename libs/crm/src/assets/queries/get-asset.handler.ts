import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScopedReader } from '@clientele/core';
import { assetView, type AssetView, selectAssetView } from '../asset-view';
import { AssetEntity } from '../entities/asset.entity';
import { GetAssetQuery } from './get-asset.query';

/** One asset with its contact, in one statement. */
@QueryHandler(GetAssetQuery)
export class GetAssetHandler implements IQueryHandler<GetAssetQuery, AssetView> {
  constructor(private readonly reader: ScopedReader) {}

  async execute({ assetId }: GetAssetQuery): Promise<AssetView> {
    const { entity, raw } = await this.reader.repository(AssetEntity).findOneOrFailWithRaw(assetId, selectAssetView);
    return assetView(entity, raw);
  }
}
