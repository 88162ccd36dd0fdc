import type { RawRow } from '@clientele/core';
import type { SelectQueryBuilder } from 'typeorm';
import type { AssetEntity } from './entities/asset.entity';

/** The contact an asset is linked to, as the asset shows it. */
export interface AssetContactSummary {
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
}

/** An asset with its live linked contact (null when none, or when that contact was deleted). */
export interface AssetView {
  readonly asset: AssetEntity;
  readonly contact: AssetContactSummary | null;
}

const CONTACT = 'view_contact';

/**
 * The asset's contact as JSON, a column of the asset's own statement (one primary-key probe per
 * row). A deleted contact's link stays stored (contacts keep their links for a restore) but is
 * not shown.
 */
function assetContactSql(alias: string): string {
  return `(SELECT json_build_object('id', asset_contact.id, 'name', asset_contact.name, 'email', asset_contact.primary_email)
             FROM contact asset_contact
            WHERE asset_contact.id = "${alias}".contact_id AND asset_contact.tenant_id = "${alias}".tenant_id
              AND asset_contact.deleted_at IS NULL)`;
}

export function selectAssetView(qb: SelectQueryBuilder<AssetEntity>): SelectQueryBuilder<AssetEntity> {
  return qb.addSelect(assetContactSql(qb.alias), CONTACT);
}

export function assetView(asset: AssetEntity, raw: RawRow): AssetView {
  return { asset, contact: (raw[CONTACT] as AssetContactSummary | null) ?? null };
}
