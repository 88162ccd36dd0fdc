import { Permission, type ScopedReader } from '@clientele/core';
import {
  auditTimelineEntries,
  type TimelineItem,
  TimelineSources,
  type TimelineSubject,
  timelineActor,
} from '../timeline';
import { DealEntity } from './entities/deal.entity';
import { DealLost, DealReopened, DealStageChanged, DealWon } from './events/deal.events';

export const STAGE_CHANGE = 'stage_change';

/** Every event of a stage move (`stageChangeEvent`): its audit entry holds the deal before and after. */
const STAGE_ACTIONS = [DealStageChanged, DealWon, DealLost, DealReopened].map((event) => event.type);

/** A stage's name by the id a snapshot holds; a stage deleted since keeps its name here. */
function stageNameSql(side: 'before' | 'after'): string {
  return `(SELECT timeline_stage.name FROM pipeline_stage timeline_stage
            WHERE timeline_stage.id = (audit.${side} ->> 'stageId')::uuid AND timeline_stage.tenant_id = audit.tenant_id)`;
}

/** The deal itself, or the (not deleted) deals of the contact or customer, as a subquery of ids. */
function dealIds(reader: ScopedReader, subject: TimelineSubject): { sql: string; parameters: Record<string, unknown> } {
  if (subject.entity === 'deal') return { sql: ':stageDealId', parameters: { stageDealId: subject.id } };
  const column = subject.entity === 'contact' ? 'contactId' : 'customerId';
  const deals = reader
    .repository(DealEntity)
    .query('timeline_deal')
    .select('timeline_deal.id')
    .andWhere(`timeline_deal.${column} = :stageSubjectId`, { stageSubjectId: subject.id });
  return { sql: deals.getQuery(), parameters: deals.getParameters() };
}

interface DealStageSide {
  readonly stageId: string | null;
  readonly status: string | null;
}

function side(snapshot: Record<string, unknown> | null): DealStageSide {
  const stageId = snapshot?.stageId;
  const status = snapshot?.status;
  return { stageId: typeof stageId === 'string' ? stageId : null, status: typeof status === 'string' ? status : null };
}

/**
 * A deal's stage moves (into WON or LOST, reopened, or between open stages) from its audit
 * trail: on the deal's timeline and on those of its contact and customer, for those who may
 * view deals.
 */
TimelineSources.register({
  key: STAGE_CHANGE,
  order: 30,
  subjects: ['contact', 'customer', 'deal'],
  permissions: [Permission.ORG_DEAL_VIEW],
  load: async (reader, subject, after, limit) => {
    const ids = dealIds(reader, subject);
    const rows = await auditTimelineEntries(reader, STAGE_CHANGE, subject.organizationId, after, limit, (qb) =>
      qb
        .andWhere(`audit.entity = 'deal' AND audit.entityId IN (${ids.sql})`, ids.parameters)
        .andWhere('audit.action = ANY(:stageActions)', { stageActions: STAGE_ACTIONS })
        .addSelect(stageNameSql('before'), 'stage_before_name')
        .addSelect(stageNameSql('after'), 'stage_after_name'),
    );
    return rows.map(({ entity: entry, raw }): TimelineItem => {
      const from = { ...side(entry.before), name: (raw.stage_before_name as string | null) ?? null };
      const to = { ...side(entry.after), name: (raw.stage_after_name as string | null) ?? null };
      const title = typeof entry.after?.title === 'string' ? entry.after.title : '';
      const lostReason = typeof entry.after?.lostReason === 'string' ? entry.after.lostReason : null;
      return {
        source: STAGE_CHANGE,
        id: entry.id,
        occurredAt: entry.createdAt,
        title: `${title}: ${from.name ?? '?'} → ${to.name ?? '?'}`,
        data: {
          actor: timelineActor(entry),
          event: entry.action,
          dealId: entry.entityId,
          dealTitle: title,
          from,
          to,
          ...(to.status === 'LOST' ? { lostReason } : {}),
        },
      };
    });
  },
});
