import { changedFields, ORGANIZATION_RECORD_FIELDS } from '@clientele/core';
import { auditTimelineEntries, timelineActor } from '../audit-timeline';
import { type TimelineItem, TimelineSources } from '../timeline-sources';

export const FIELD_CHANGE = 'field_change';

/** Bookkeeping every snapshot carries: it changes on every write and says nothing on a timeline. */
const BOOKKEEPING = Object.keys(ORGANIZATION_RECORD_FIELDS);

/**
 * The record's own updates from the audit trail (`contact.updated`, `customer.updated`,
 * `deal.updated`), with before → after of the fields that changed. A deal's stage moves are
 * separate events, shown by the deals module's `stage_change` source.
 */
TimelineSources.register({
  key: FIELD_CHANGE,
  order: 40,
  subjects: ['contact', 'customer', 'deal'],
  load: async (reader, subject, after, limit) => {
    const entries = await auditTimelineEntries(reader, FIELD_CHANGE, subject.organizationId, after, limit, (qb) =>
      qb
        .andWhere('audit.entity = :fieldEntity AND audit.entityId = :fieldEntityId', {
          fieldEntity: subject.entity,
          fieldEntityId: subject.id,
        })
        .andWhere('audit.action = :fieldAction', { fieldAction: `${subject.entity}.updated` })
        // Only entries that changed a field worth showing, so a page is never short of items.
        .andWhere(
          `EXISTS (SELECT 1 FROM jsonb_each(audit.after) field_after
                    WHERE field_after.key <> ALL(:fieldBookkeeping)
                      AND field_after.value IS DISTINCT FROM audit.before -> field_after.key)`,
          { fieldBookkeeping: BOOKKEEPING },
        ),
    );
    return entries.map(({ entity: entry }): TimelineItem => {
      const before = entry.before ?? {};
      const afterFields = entry.after ?? {};
      const changes = changedFields(before, afterFields)
        .filter((field) => !BOOKKEEPING.includes(field))
        .map((field) => ({ field, before: before[field] ?? null, after: afterFields[field] ?? null }));
      return {
        source: FIELD_CHANGE,
        id: entry.id,
        occurredAt: entry.createdAt,
        title: `Changed ${changes.map((change) => change.field).join(', ')}`,
        data: { actor: timelineActor(entry), changes },
      };
    });
  },
});
