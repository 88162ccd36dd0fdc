import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Transaction } from '@clientele/core';
import { type CustomerEntity, CustomerDeletionSteps } from '../customers';
import { loadTagsByRecord, TagEntity } from '../tags';
import { dealSnapshot, recordDealChange } from './events/deal.events';
import { DEAL_TAGS } from './deal-tags';
import { DealEntity } from './entities/deal.entity';

/**
 * When a customer is deleted its deals stay, with no customer: each is unlinked in the deleting
 * transaction and recorded as a `deal.updated`.
 */
@Injectable()
export class UnlinkDealsOfDeletedCustomer implements OnModuleInit {
  constructor(private readonly steps: CustomerDeletionSteps) {}

  onModuleInit(): void {
    this.steps.register({ name: 'deals', run: (tx, customer) => this.unlink(tx, customer) });
  }

  private async unlink(tx: Transaction, customer: CustomerEntity): Promise<void> {
    const deals = tx.repository(DealEntity);
    const linked = await deals
      .query('deal', 'visible')
      .andWhere('deal.customerId = :customerId', { customerId: customer.id })
      .orderBy('deal.id')
      .setLock('pessimistic_write')
      .getMany();
    const tags = await loadTagsByRecord(
      tx.repository(TagEntity),
      DEAL_TAGS,
      linked.map((deal) => deal.id),
    );
    for (const deal of linked) {
      const before = dealSnapshot(deal, tags.get(deal.id));
      deal.customerId = null;
      const saved = await deals.save(deal);
      await recordDealChange(tx, 'updated', saved, { before, after: dealSnapshot(saved, tags.get(deal.id)) });
    }
  }
}
