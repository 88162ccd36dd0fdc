import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { OrganizationEntity, Permission, UnitOfWork } from '@clientele/core';
import { PipelineStageEntity } from '../../pipelines';
import { loadTagsByRecord, TagEntity } from '../../tags';
import { dealSnapshot, recordDealStageChange } from '../events/deal.events';
import { DEAL_TAGS } from '../deal-tags';
import { DealEntity } from '../entities/deal.entity';
import { MoveDealToStageCommand } from './move-deal-to-stage.command';

/** Moves a deal to a stage; the rules (closing, reopen-only, lost reason) are `DealEntity.moveTo`'s. */
@CommandHandler(MoveDealToStageCommand)
export class MoveDealToStageHandler implements ICommandHandler<MoveDealToStageCommand, DealEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ dealId, stageId, lostReason }: MoveDealToStageCommand): Promise<DealEntity> {
    return this.uow.run(async (tx) => {
      const deals = tx.repository(DealEntity);
      const deal = await deals.findOneForUpdate(dealId);
      tx.scope.assertCanEdit(deal.organizationId, deal.ownerId, Permission.ORG_DEAL_EDIT, Permission.ORG_DEAL_EDIT_OWN);
      const stage = await tx.repository(PipelineStageEntity).findReferenced(stageId, deal.organizationId, 'stageId');
      const organization = await tx.repository(OrganizationEntity).findOneOrFail(deal.organizationId);
      const tags = (await loadTagsByRecord(tx.repository(TagEntity), DEAL_TAGS, [deal.id])).get(deal.id) ?? [];
      const before = dealSnapshot(deal, tags);
      const change = deal.moveTo(stage, {
        lostReason,
        lostReasonRequired: organization.requireLostReason,
        now: new Date(),
      });
      if (change === null) return deal;
      const saved = await deals.save(deal);
      await recordDealStageChange(tx, saved, change, { before, after: dealSnapshot(saved, tags) });
      return saved;
    });
  }
}
