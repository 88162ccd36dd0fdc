import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Page, paginate, ScopedReader } from '@clientele/core';
import { applyAssetFilters, ASSET_SORTS } from '../asset-filters';
import { assetView, type AssetView, selectAssetView } from '../asset-view';
import { AssetEntity } from '../entities/asset.entity';
import { ListAssetsQuery } from './list-assets.query';

/** Assets with their contacts, filtered, paged, sorted: one statement. */
@QueryHandler(ListAssetsQuery)
export class ListAssetsHandler implements IQueryHandler<ListAssetsQuery, Page<AssetView>> {
  constructor(private readonly reader: ScopedReader) {}

  execute({ params }: ListAssetsQuery): Promise<Page<AssetView>> {
    const qb = applyAssetFilters(this.reader.repository(AssetEntity).query('asset'), params);
    return paginate(selectAssetView(qb), params, ASSET_SORTS, '-createdAt', {
      item: (asset, raw) => assetView(asset, raw),
    });
  }
}
