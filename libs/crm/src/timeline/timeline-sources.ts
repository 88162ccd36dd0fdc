import { Registry, type RegistryEntry, type ScopedReader } from '@clientele/core';

/** The record a timeline is about. */
export interface TimelineSubject {
  readonly entity: 'contact' | 'customer' | 'deal';
  readonly id: string;
  readonly organizationId: string;
}

/** One dated item of a timeline (an activity, a note, a deal's stage change, a ticket). */
export interface TimelineItem {
  /** The source's key. */
  readonly source: string;
  readonly id: string;
  readonly occurredAt: Date;
  readonly title: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * Where a timeline page ends: the last item's time, source and id. Items are ordered newest
 * first by `(occurredAt, source, id)` descending, so two items at the same instant keep one order
 * and a cursor never skips or repeats one.
 */
export interface TimelinePosition {
  readonly occurredAt: Date;
  readonly source: string;
  readonly id: string;
}

/** A module whose records appear on the timelines of contacts, customers or deals. */
export interface TimelineSource extends RegistryEntry {
  /** The subjects this source has items for. */
  readonly subjects: readonly TimelineSubject['entity'][];
  /**
   * Up to `limit` items of `subject` that come after `after` in timeline order (newest first;
   * from the start when null), read in the request's scope. A source compares `(occurredAt, id)`
   * with the position, and for a position of another source at the same instant orders by the
   * source keys: items of a source whose key sorts after `after.source` come first.
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
