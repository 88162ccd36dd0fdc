import { AuditEntryEntity, type ReadRow, readRows, type ScopedReader } from '@clientele/core';
import type { SelectQueryBuilder } from 'typeorm';
import { type TimelinePosition, timelineAfterSql } from './timeline-sources';

/** What a timeline item read from the audit trail says about who made the change. */
export interface TimelineActor {
  readonly type: string;
  readonly id: string | null;
}

export function timelineActor(entry: AuditEntryEntity): TimelineActor {
  return { type: entry.actorType, id: entry.actorId };
}

/**
 * A source's page of audit entries in `organizationId`: `narrow` says which (entity, ids,
 * actions) and may add columns to the raw rows, the cursor where to resume; newest first by
 * `(created_at, id)` through `audit_entry_entity_time_idx`. Read in the request's scope.
 */
export function auditTimelineEntries(
  reader: ScopedReader,
  source: string,
  organizationId: string,
  after: TimelinePosition | null,
  limit: number,
  narrow: (qb: SelectQueryBuilder<AuditEntryEntity>) => void,
): Promise<ReadRow<AuditEntryEntity>[]> {
  const qb = reader
    .repository(AuditEntryEntity)
    .query('audit')
    .andWhere('audit.organizationId = :timelineOrganizationId', { timelineOrganizationId: organizationId });
  narrow(qb);
  const resume = timelineAfterSql(source, after, { occurredAt: 'audit.createdAt', id: 'audit.id' });
  if (resume !== null) qb.andWhere(resume.sql, resume.parameters);
  return readRows(qb.orderBy('audit.createdAt', 'DESC').addOrderBy('audit.id', 'DESC').limit(limit));
}
