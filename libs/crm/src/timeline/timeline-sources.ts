import { type Permission, Registry, type RegistryEntry, type ScopedReader } from '@clientele/core';

/** The record a timeline is about. */
export interface TimelineSubject {
  readonly entity: 'contact' | 'customer' | 'deal';
  readonly id: string;
  readonly organizationId: string;
}

/** One dated item of a timeline (an activity, a note, a deal's stage change, a ticket). */
export interface TimelineItem {
  /** The source's key: the item's `kind` in the response. */
  readonly source: string;
  /** A uuid, unique within the source. */
  readonly id: string;
  /** Milliseconds, as every `timestamptz(3)` column holds them: the cursor keeps no finer time. */
  readonly occurredAt: Date;
  readonly title: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Where a timeline page ends: the last item's time, source and id. */
export interface TimelinePosition {
  readonly occurredAt: Date;
  readonly source: string;
  readonly id: string;
}

/**
 * Timeline order: newest first by `(occurredAt, source, id)`, all three descending, so two
 * items at the same instant always keep one order and a cursor never skips or repeats one.
 * Keys and uuids compare as JavaScript strings (a uuid column sorts the same way).
 */
export function compareTimelinePositions(a: TimelinePosition, b: TimelinePosition): number {
  const time = b.occurredAt.getTime() - a.occurredAt.getTime();
  if (time !== 0) return time;
  if (a.source !== b.source) return a.source < b.source ? 1 : -1;
  if (a.id !== b.id) return a.id < b.id ? 1 : -1;
  return 0;
}

/**
 * Where a source's rows resume after `after`, as SQL on its time and id columns (null: from
 * the start). Rows of the cursor's own source continue by `(time, id)`; at the cursor's instant,
 * another source's rows follow it when that source's key sorts before the cursor's, else they
 * came before it. Parameters: `timelineAfterAt`, `timelineAfterId`.
 */
export function timelineAfterSql(
  sourceKey: string,
  after: TimelinePosition | null,
  columns: { readonly occurredAt: string; readonly id: string },
): { readonly sql: string; readonly parameters: Record<string, unknown> } | null {
  if (after === null) return null;
  const parameters = { timelineAfterAt: after.occurredAt.toISOString(), timelineAfterId: after.id };
  if (sourceKey === after.source) {
    return { sql: `(${columns.occurredAt}, ${columns.id}) < (:timelineAfterAt, :timelineAfterId)`, parameters };
  }
  const comparator = sourceKey < after.source ? '<=' : '<';
  return { sql: `${columns.occurredAt} ${comparator} :timelineAfterAt`, parameters };
}

/** A module whose records appear on the timelines of contacts, customers or deals. */
export interface TimelineSource extends RegistryEntry {
  /** The subjects this source has items for. */
  readonly subjects: readonly TimelineSubject['entity'][];
  /**
   * The items show only to an actor holding one of these in the subject's organization (a
   * contact's timeline shows its deals' stage changes to those who may view deals). Left out:
   * the subject's own view grant, which the route asks for, is enough.
   */
  readonly permissions?: readonly Permission[];
  /**
   * Up to `limit` items of `subject` that come after `after` in timeline order (from the start
   * when null), newest first, read in the request's scope: `timelineAfterSql` says where to
   * resume. Two of one source's items never share `(occurredAt, id)`.
   */
  load(
    reader: ScopedReader,
    subject: TimelineSubject,
    after: TimelinePosition | null,
    limit: number,
  ): Promise<TimelineItem[]>;
}

/**
 * The sources of the timelines (`GET crm/contacts/:id/timeline` and the others, with the
 * activities, notes, sales and tickets modules): each registers here from its own files.
 */
export const TimelineSources = new Registry<TimelineSource>('timeline source');

/** The registered sources with items for `entity`, in the registry's order. */
export function timelineSourcesFor(entity: TimelineSubject['entity']): readonly TimelineSource[] {
  return TimelineSources.list().filter((source) => source.subjects.includes(entity));
}
