// What other rooms may use from assets.
export { ASSET_KINDS, type AssetKind } from './asset-kind';
export { AssetsModule } from './assets.module';
export { AssetEntity } from './entities/asset.entity';
