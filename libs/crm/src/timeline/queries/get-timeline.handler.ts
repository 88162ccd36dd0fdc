import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DEFAULT_PAGE_SIZE, ScopedReader } from '@clientele/core';
import { decodeTimelineCursor } from '../timeline-cursor';
import { mergeTimelineBatches, type TimelinePage } from '../timeline-page';
import { type TimelineItem, type TimelineSource, timelineSourcesFor } from '../timeline-sources';
import { GetTimelineQuery } from './get-timeline.query';

/**
 * Each source the subject has (narrowed by `kinds`, registered keys all: one the subject has no
 * source for shows nothing; and to those whose grants the actor holds in the subject's organization) reads its next `limit + 1` items after the cursor; the merge keeps
 * the `limit` newest. One source after the other: a request holds one connection.
 */
@QueryHandler(GetTimelineQuery)
export class GetTimelineHandler implements IQueryHandler<GetTimelineQuery, TimelinePage> {
  constructor(private readonly reader: ScopedReader) {}

  async execute({ subject, params }: GetTimelineQuery): Promise<TimelinePage> {
    const sources = this.chosenSources(timelineSourcesFor(subject.entity), params.kinds, subject.organizationId);
    const after = params.cursor === undefined ? null : decodeTimelineCursor(params.cursor);
    const limit = params.limit ?? DEFAULT_PAGE_SIZE;
    const batches: TimelineItem[][] = [];
    for (const source of sources) batches.push(await source.load(this.reader, subject, after, limit + 1));
    return mergeTimelineBatches(batches, limit);
  }

  private chosenSources(
    sources: readonly TimelineSource[],
    kinds: readonly string[] | undefined,
    organizationId: string,
  ): TimelineSource[] {
    const scope = this.reader.scope();
    return sources.filter(
      (source) =>
        (kinds === undefined || kinds.includes(source.key)) &&
        (source.permissions === undefined || scope.isGranted(organizationId, source.permissions)),
    );
  }
}
