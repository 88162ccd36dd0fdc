import type { JSX } from 'preact';
import { api } from '../api/client';
import type { Timeline, TimelineItem } from '../api/types';
import { Empty, ErrorNote, formatDate, Loading, useLoad } from '../ui';

/** Labels of the server's timeline sources (`activities`, `notes`, `stage_change`, `field_change`). */
const KIND_LABEL: Record<string, string> = {
  activities: 'Activity',
  notes: 'Note',
  stage_change: 'Stage change',
  field_change: 'Change',
};

/** A record's merged timeline (activities, notes, stage and field changes), newest first. */
export function TimelineList({ path, version }: { path: string; version: number }): JSX.Element {
  const timeline = useLoad(() => api.get<Timeline>(path, { limit: 30 }), [path, version]);
  return (
    <section aria-labelledby="timeline-title" class="panel">
      <h3 id="timeline-title">Timeline</h3>
      <ErrorNote error={timeline.error} />
      {timeline.loading && !timeline.data ? <Loading what="the timeline" /> : null}
      {timeline.data && timeline.data.items.length === 0 ? <Empty>Nothing has happened yet.</Empty> : null}
      {timeline.data && timeline.data.items.length > 0 ? (
        <ol class="timeline">
          {timeline.data.items.map((item: TimelineItem) => (
            <li key={`${item.kind}-${item.id}`} class={`kind-${item.kind}`}>
              <span class="badge">{KIND_LABEL[item.kind] ?? item.kind}</span> {item.title}
              {typeof item.data.body === 'string' ? <p class="note-body">{item.data.body}</p> : null}
              <time dateTime={item.occurredAt} class="muted">
                {' '}
                {formatDate(item.occurredAt)}
              </time>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
