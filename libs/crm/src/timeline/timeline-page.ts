import { type TimelineItem, type TimelinePosition, compareTimelinePositions } from './timeline-sources';

/** One page of a timeline and where the next one starts (null: this is the last). */
export interface TimelinePage {
  readonly items: readonly TimelineItem[];
  readonly next: TimelinePosition | null;
}

/**
 * Merges what each source returned after the same position (each up to `limit + 1` items, in
 * timeline order) into the page's `limit` first items. More follow exactly when more than
 * `limit` came back in all: a source holding back items returned `limit + 1` by itself.
 */
export function mergeTimelineBatches(batches: readonly (readonly TimelineItem[])[], limit: number): TimelinePage {
  const merged = batches.flat().sort(compareTimelinePositions);
  const items = merged.slice(0, limit);
  const last = items.at(-1);
  const next =
    merged.length > limit && last !== undefined
      ? { occurredAt: last.occurredAt, source: last.source, id: last.id }
      : null;
  return { items, next };
}
