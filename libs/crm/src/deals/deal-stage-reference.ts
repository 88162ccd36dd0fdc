import type { StageMove, StageReference } from '../pipelines';
import { loadTagsByRecord, TagEntity } from '../tags';
import { dealSnapshot, recordDealStageChange } from './events/deal.events';
import { DEAL_TAGS } from './deal-tags';
import { DealEntity } from './entities/deal.entity';

/**
 * How deleting a stage or pipeline finds and moves this module's deals: each goes to the stage of
 * its kind the call named, with a `deal.stage_changed` entry; none is ever deleted with it.
 */
export const DEAL_STAGE_REFERENCE: StageReference = {
  name: 'deals',

  count: (tx, stageIds) =>
    tx
      .repository(DealEntity)
      .query('deal', 'visible')
      .andWhere('deal.stageId = ANY(:stageIds)', { stageIds: [...stageIds] })
      .getCount(),

  async move(tx, moves: readonly StageMove[]): Promise<void> {
    const deals = tx.repository(DealEntity);
    const now = new Date();
    for (const { from, to } of moves) {
      const moving = await deals
        .query('deal', 'visible')
        .andWhere('deal.stageId = :stageId', { stageId: from.id })
        .setLock('pessimistic_write')
        .getMany();
      const tags = await loadTagsByRecord(
        tx.repository(TagEntity),
        DEAL_TAGS,
        moving.map((deal) => deal.id),
      );
      for (const deal of moving) {
        const dealTags = tags.get(deal.id);
        const before = dealSnapshot(deal, dealTags);
        const change = deal.relocateTo(to, now);
        const saved = await deals.save(deal);
        await recordDealStageChange(tx, saved, change, { before, after: dealSnapshot(saved, dealTags) });
      }
    }
  },
};
