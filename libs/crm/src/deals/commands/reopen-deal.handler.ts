import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Permission, type Transaction, UnitOfWork, ValidationError } from '@clientele/core';
import { loadPipelineStages, PipelineStageEntity } from '../../pipelines';
import { loadTagsByRecord, TagEntity } from '../../tags';
import { dealSnapshot, recordDealStageChange } from '../events/deal.events';
import { DEAL_TAGS } from '../deal-tags';
import { DealEntity } from '../entities/deal.entity';
import { ReopenDealCommand } from './reopen-deal.command';

/** The OPEN stage a reopened deal goes back to by default: the last one of its pipeline (the nearest to closing). */
async function lastOpenStage(tx: Transaction, pipelineId: string): Promise<PipelineStageEntity> {
  const stages = (await loadPipelineStages(tx.repository(PipelineStageEntity), [pipelineId])).get(pipelineId) ?? [];
  const open = stages.filter((stage) => stage.kind === 'OPEN').at(-1);
  if (open === undefined)
    throw ValidationError.field('stageId', 'the pipeline has no OPEN stage: name one', 'STAGE_NOT_OPEN');
  return open;
}

/** Opens a WON or LOST deal again, in an OPEN stage; an open deal is a 409. */
@CommandHandler(ReopenDealCommand)
export class ReopenDealHandler implements ICommandHandler<ReopenDealCommand, DealEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ dealId, stageId }: ReopenDealCommand): Promise<DealEntity> {
    return this.uow.run(async (tx) => {
      const deals = tx.repository(DealEntity);
      const deal = await deals.findOneForUpdate(dealId);
      tx.scope.assertCanEdit(deal.organizationId, deal.ownerId, Permission.ORG_DEAL_EDIT, Permission.ORG_DEAL_EDIT_OWN);
      const stage =
        stageId === undefined
          ? await lastOpenStage(tx, deal.pipelineId)
          : await tx.repository(PipelineStageEntity).findReferenced(stageId, deal.organizationId, 'stageId');
      const tags = (await loadTagsByRecord(tx.repository(TagEntity), DEAL_TAGS, [deal.id])).get(deal.id) ?? [];
      const before = dealSnapshot(deal, tags);
      const change = deal.reopen(stage, new Date());
      const saved = await deals.save(deal);
      await recordDealStageChange(tx, saved, change, { before, after: dealSnapshot(saved, tags) });
      return saved;
    });
  }
}
