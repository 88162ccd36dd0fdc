import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Transaction } from '@clientele/core';
import { type CustomerEntity, CustomerDeletionSteps } from '../customers';
import { AssetEntity } from './entities/asset.entity';
import { assetSnapshot, recordAssetChange } from './events/asset.events';

/**
 * An asset is always some customer's: when the customer is deleted its assets are deleted with
 * it (soft, like the customer), each recorded as an `asset.deleted` in the deleting transaction.
 */
@Injectable()
export class DeleteAssetsOfDeletedCustomer implements OnModuleInit {
  constructor(private readonly steps: CustomerDeletionSteps) {}

  onModuleInit(): void {
    this.steps.register({ name: 'assets', run: (tx, customer) => this.remove(tx, customer) });
  }

  private async remove(tx: Transaction, customer: CustomerEntity): Promise<void> {
    const assets = tx.repository(AssetEntity);
    const owned = await assets
      .query('asset', 'visible')
      .andWhere('asset.organizationId = :organizationId', { organizationId: customer.organizationId })
      .andWhere('asset.customerId = :customerId', { customerId: customer.id })
      .orderBy('asset.id')
      .setLock('pessimistic_write')
      .getMany();
    for (const asset of owned) {
      const before = assetSnapshot(asset);
      await assets.softRemove(asset);
      await recordAssetChange(tx, 'deleted', asset, { before });
    }
  }
}
