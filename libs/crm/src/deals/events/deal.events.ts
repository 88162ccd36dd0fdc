import {
  defineEvent,
  EventVisibilities,
  type Infer,
  ORGANIZATION_RECORD_FIELDS,
  organizationRecordSnapshot,
  Permission,
  schema,
  type Transaction,
} from '@clientele/core';
import type { TagEntity } from '../../tags';
import type { DealStageChange } from '../deal-stage';
import { DEAL_STATUSES } from '../deal-status';
import type { DealEntity } from '../entities/deal.entity';

/** A deal as audit entries and events carry it: its columns and its tag ids. */
export const DEAL_SNAPSHOT = schema.object({
  ...ORGANIZATION_RECORD_FIELDS,
  title: schema.string(),
  value: schema.decimal(),
  currency: schema.string(),
  expectedCloseDate: schema.nullable(schema.string()),
  pipelineId: schema.uuid(),
  stageId: schema.uuid(),
  contactId: schema.nullable(schema.uuid()),
  customerId: schema.nullable(schema.uuid()),
  ownerId: schema.nullable(schema.uuid()),
  probability: schema.nullable(schema.integer()),
  status: schema.enum(...DEAL_STATUSES),
  closedAt: schema.nullable(schema.timestamp()),
  lostReason: schema.nullable(schema.string()),
  stageChangedAt: schema.timestamp(),
  tagIds: schema.array(schema.uuid()),
});
export type DealSnapshot = Infer<typeof DEAL_SNAPSHOT>;

export function dealSnapshot(deal: DealEntity, tags: readonly TagEntity[] | undefined): DealSnapshot {
  return {
    ...organizationRecordSnapshot(deal),
    title: deal.title,
    value: deal.value,
    currency: deal.currency,
    expectedCloseDate: deal.expectedCloseDate ?? null,
    pipelineId: deal.pipelineId,
    stageId: deal.stageId,
    contactId: deal.contactId ?? null,
    customerId: deal.customerId ?? null,
    ownerId: deal.ownerId ?? null,
    probability: deal.probability ?? null,
    status: deal.status,
    closedAt: deal.closedAt ?? null,
    lostReason: deal.lostReason ?? null,
    stageChangedAt: deal.stageChangedAt,
    tagIds: (tags ?? deal.tags ?? []).map((tag) => tag.id).sort(),
  };
}

export const DealCreated = defineEvent('deal.created', 1, DEAL_SNAPSHOT);
export const DealUpdated = defineEvent('deal.updated', 1, DEAL_SNAPSHOT);
export const DealDeleted = defineEvent('deal.deleted', 1, DEAL_SNAPSHOT);
/** Between two stages of the same kind (OPEN to OPEN, or a deleted stage's deals relocated). */
export const DealStageChanged = defineEvent('deal.stage_changed', 1, DEAL_SNAPSHOT);
export const DealWon = defineEvent('deal.won', 1, DEAL_SNAPSHOT);
export const DealLost = defineEvent('deal.lost', 1, DEAL_SNAPSHOT);
export const DealReopened = defineEvent('deal.reopened', 1, DEAL_SNAPSHOT);

EventVisibilities.register({ key: 'deal', grant: Permission.ORG_DEAL_VIEW });

const CHANGES = { created: DealCreated, updated: DealUpdated, deleted: DealDeleted } as const;

/** `deal.created`, `deal.updated` (fields other than the stage), `deal.deleted`. */
export async function recordDealChange(
  tx: Transaction,
  verb: keyof typeof CHANGES,
  deal: DealEntity,
  change: { before?: DealSnapshot; after?: DealSnapshot },
): Promise<void> {
  await tx.publish(CHANGES[verb], { entityId: deal.id, organizationId: deal.organizationId, ...change });
}

/**
 * The event of a stage move, one per move: `deal.won` / `deal.lost` when it closes the deal,
 * `deal.reopened` when a reopen opens it, else `deal.stage_changed`.
 */
export function stageChangeEvent(change: DealStageChange): typeof DealStageChanged {
  if (change.fromStatus === change.toStatus) return DealStageChanged;
  if (change.toStatus === 'WON') return DealWon;
  if (change.toStatus === 'LOST') return DealLost;
  return DealReopened;
}

export async function recordDealStageChange(
  tx: Transaction,
  deal: DealEntity,
  change: DealStageChange,
  snapshots: { before: DealSnapshot; after: DealSnapshot },
): Promise<void> {
  await tx.publish(stageChangeEvent(change), { entityId: deal.id, organizationId: deal.organizationId, ...snapshots });
}
