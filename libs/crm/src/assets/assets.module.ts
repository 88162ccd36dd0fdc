import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomersModule } from '../customers';
import './asset-constraints';
import './asset-transfer';
import { AssetsController } from './assets.controller';
import { CreateAssetHandler } from './commands/create-asset.handler';
import { DeleteAssetHandler } from './commands/delete-asset.handler';
import { UpdateAssetHandler } from './commands/update-asset.handler';
import { DeleteAssetsOfDeletedCustomer } from './delete-assets-of-deleted-customer';
import { AssetEntity } from './entities/asset.entity';
import { GetAssetHandler } from './queries/get-asset.handler';
import { ListAssetsHandler } from './queries/list-assets.handler';

/** Customers' assets: devices and licences, with serial number, RMM device id, last seen and contact. */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature([AssetEntity]), CustomersModule],
  controllers: [AssetsController],
  providers: [
    DeleteAssetsOfDeletedCustomer,
    CreateAssetHandler,
    UpdateAssetHandler,
    DeleteAssetHandler,
    ListAssetsHandler,
    GetAssetHandler,
  ],
})
export class AssetsModule {}
