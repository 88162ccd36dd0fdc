import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Permission, UnitOfWork } from '@clientele/core';
import { loadTagsByRecord, TagEntity } from '../../tags';
import { dealSnapshot, recordDealChange } from '../events/deal.events';
import { DEAL_TAGS } from '../deal-tags';
import { DealEntity } from '../entities/deal.entity';
import { DeleteDealCommand } from './delete-deal.command';

/** Soft-deletes a deal; needs `ORG_DEAL_EDIT` (an AGENT cannot delete, not even its own). */
@CommandHandler(DeleteDealCommand)
export class DeleteDealHandler implements ICommandHandler<DeleteDealCommand, void> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ dealId }: DeleteDealCommand): Promise<void> {
    return this.uow.run(async (tx) => {
      const deals = tx.repository(DealEntity);
      const deal = await deals.findOneForUpdate(dealId);
      tx.scope.assertCanEdit(deal.organizationId, deal.ownerId, Permission.ORG_DEAL_EDIT);
      const tags = (await loadTagsByRecord(tx.repository(TagEntity), DEAL_TAGS, [deal.id])).get(deal.id);
      await deals.softRemove(deal);
      await recordDealChange(tx, 'deleted', deal, { before: dealSnapshot(deal, tags) });
    });
  }
}
