import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mergeTimelineBatches } from './timeline-page';
import {
  compareTimelinePositions,
  type TimelineItem,
  type TimelinePosition,
  timelineAfterSql,
} from './timeline-sources';

/** What `timelineAfterSql` says in SQL, evaluated on one item: the reference of the contract. */
function isAfter(item: TimelineItem, after: TimelinePosition | null): boolean {
  const condition = timelineAfterSql(item.source, after, { occurredAt: 't', id: 'id' });
  if (condition === null || after === null) return true;
  const time = item.occurredAt.getTime() - after.occurredAt.getTime();
  if (condition.sql.startsWith('(t, id) <')) return time < 0 || (time === 0 && item.id < after.id);
  if (condition.sql === 't <= :timelineAfterAt') return time <= 0;
  return time < 0;
}

/** An in-memory source: its items after the position, newest first, up to the limit. */
function load(items: readonly TimelineItem[], after: TimelinePosition | null, limit: number): TimelineItem[] {
  return items
    .filter((item) => isAfter(item, after))
    .sort(compareTimelinePositions)
    .slice(0, limit);
}

function item(source: string, at: number, id = randomUUID()): TimelineItem {
  return { source, id, occurredAt: new Date(at), title: `${source} ${at}`, data: {} };
}

/** Every page of a timeline over `sources`, `limit` at a time, as the route walks them. */
function walk(sources: readonly (readonly TimelineItem[])[], limit: number): TimelineItem[][] {
  const pages: TimelineItem[][] = [];
  let after: TimelinePosition | null = null;
  do {
    const page = mergeTimelineBatches(
      sources.map((items) => load(items, after, limit + 1)),
      limit,
    );
    pages.push([...page.items]);
    after = page.next;
  } while (after !== null && pages.length < 1000);
  return pages;
}

describe('timeline merge', () => {
  const base = Date.UTC(2026, 11, 1);
  // Three sources, many items at the same few instants, ids in random order.
  const notes = Array.from({ length: 9 }, (_, i) => item('note', base + (i % 3)));
  const stages = Array.from({ length: 7 }, (_, i) => item('stage_change', base + (i % 2)));
  const fields = Array.from({ length: 8 }, (_, i) => item('field_change', base + (i % 4)));
  const everything = [...notes, ...stages, ...fields].sort(compareTimelinePositions);

  it('orders newest first, then by source key and id descending', () => {
    const [first] = walk([notes, stages, fields], 100);
    expect(first.map((entry) => entry.id)).toEqual(everything.map((entry) => entry.id));
    expect(first[0].occurredAt.getTime()).toBe(base + 3);
    const atBase = first.filter((entry) => entry.occurredAt.getTime() === base).map((entry) => entry.source);
    expect(atBase).toEqual([...atBase].sort().reverse());
  });

  it.each([1, 2, 3, 5, 7, 24, 25])('pages of %i neither skip nor repeat items at equal instants', (limit) => {
    const pages = walk([notes, stages, fields], limit);
    expect(pages.flat().map((entry) => entry.id)).toEqual(everything.map((entry) => entry.id));
    expect(pages.slice(0, -1).every((page) => page.length === limit)).toBe(true);
    expect(pages.at(-1)?.length).toBeGreaterThan(0);
  });

  it('ends without a cursor when the sources hold exactly one page', () => {
    const page = mergeTimelineBatches([load(notes, null, 10), load(stages, null, 10)], 16);
    expect(page.items).toHaveLength(16);
    expect(page.next).toBeNull();
  });

  it('says where the next page starts when one source alone holds more', () => {
    const page = mergeTimelineBatches([load(notes, null, 4), []], 3);
    expect(page.items).toHaveLength(3);
    expect(page.next).toEqual({ occurredAt: page.items[2].occurredAt, source: 'note', id: page.items[2].id });
  });

  it('resumes a source by (time, id) only when the cursor is its own', () => {
    const after = { occurredAt: new Date(base), source: 'note', id: randomUUID() };
    const columns = { occurredAt: 'x.at', id: 'x.id' };
    expect(timelineAfterSql('note', after, columns)?.sql).toBe('(x.at, x.id) < (:timelineAfterAt, :timelineAfterId)');
    expect(timelineAfterSql('activity', after, columns)?.sql).toBe('x.at <= :timelineAfterAt');
    expect(timelineAfterSql('stage_change', after, columns)?.sql).toBe('x.at < :timelineAfterAt');
    expect(timelineAfterSql('note', null, columns)).toBeNull();
  });
});
