import { escapeLike } from '@clientele/core';
import type { SelectQueryBuilder } from 'typeorm';
import type { ListAssetsParams } from './dto/list-assets.params';
import type { AssetEntity } from './entities/asset.entity';

/** The asset list's filters. */
export function applyAssetFilters(
  qb: SelectQueryBuilder<AssetEntity>,
  params: ListAssetsParams,
): SelectQueryBuilder<AssetEntity> {
  const alias = qb.alias;
  const q = params.q?.trim();
  if (q !== undefined && q !== '') {
    qb.andWhere(`(lower(${alias}.name) LIKE :assetQ OR lower(${alias}.serialNumber) LIKE :assetQ)`, {
      assetQ: `%${escapeLike(q.toLowerCase())}%`,
    });
  }
  const equal = ['kind', 'customerId', 'contactId'] as const;
  for (const param of equal) {
    const value = params[param];
    if (value !== undefined) qb.andWhere(`${alias}.${param} = :asset_${param}`, { [`asset_${param}`]: value });
  }
  return qb;
}

/** Sortable fields of the asset list (all NOT NULL). */
export const ASSET_SORTS = {
  name: 'name',
  kind: 'kind',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
} as const;
