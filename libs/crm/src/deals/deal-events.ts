import type { Transaction } from '@clientele/core';
import type { TagEntity } from '../tags';
import type { DealStageChange } from './deal-stage';
import type { DealEntity } from './entities/deal.entity';

/**
 * Every event the deals module emits, in one place. A deal's audit entries and outbox events
 * carry its columns and tag ids (`dealSnapshot`) before and after the change.
 *
 * - `deal.created`, `deal.updated` (fields other than the stage), `deal.deleted`;
 * - one event per stage move: `deal.won` / `deal.lost` when the move closes the deal,
 *   `deal.reopened` when a reopen opens it, else `deal.stage_changed` (between OPEN stages, or
 *   to another stage of the same kind when a stage is deleted).
 */
export function dealSnapshot(
  tx: Transaction,
  deal: DealEntity,
  tags: readonly TagEntity[] | undefined,
): Record<string, unknown> {
  return { ...tx.snapshot(deal), tagIds: (tags ?? deal.tags ?? []).map((tag) => tag.id).sort() };
}

type DealVerb = 'created' | 'updated' | 'deleted';

export async function recordDealChange(
  tx: Transaction,
  verb: DealVerb,
  deal: DealEntity,
  change: { before?: Record<string, unknown>; after?: Record<string, unknown> },
): Promise<void> {
  await tx.record({
    type: `deal.${verb}`,
    entity: 'deal',
    entityId: deal.id,
    organizationId: deal.organizationId,
    before: change.before ?? null,
    after: change.after ?? null,
  });
}

/** The event type of a stage move: what it did to the deal's status. */
export function stageChangeType(change: DealStageChange): string {
  if (change.fromStatus === change.toStatus) return 'deal.stage_changed';
  if (change.toStatus === 'WON') return 'deal.won';
  if (change.toStatus === 'LOST') return 'deal.lost';
  return 'deal.reopened';
}

export async function recordDealStageChange(
  tx: Transaction,
  deal: DealEntity,
  change: DealStageChange,
  snapshots: { before: Record<string, unknown>; after: Record<string, unknown> },
): Promise<void> {
  await tx.record({
    type: stageChangeType(change),
    entity: 'deal',
    entityId: deal.id,
    organizationId: deal.organizationId,
    before: snapshots.before,
    after: snapshots.after,
  });
}
