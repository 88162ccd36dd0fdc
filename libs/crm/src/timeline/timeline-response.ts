import type { QueryBus } from '@nestjs/cqrs';
import type { TimelineParams } from './dto/timeline.params';
import { TimelineItemResponse, type TimelineResponse } from './dto/timeline.response';
import { GetTimelineQuery } from './queries/get-timeline.query';
import { encodeTimelineCursor } from './timeline-cursor';
import type { TimelinePage } from './timeline-page';
import type { TimelineSubject } from './timeline-sources';

/** What each subject's `GET …/:id/timeline` answers once it has read the subject in scope. */
export async function timelineResponse(
  queryBus: QueryBus,
  subject: TimelineSubject,
  params: TimelineParams,
): Promise<TimelineResponse> {
  const page = await queryBus.execute<GetTimelineQuery, TimelinePage>(new GetTimelineQuery(subject, params));
  return {
    items: page.items.map((item) => TimelineItemResponse.from(item)),
    nextCursor: page.next === null ? null : encodeTimelineCursor(page.next),
  };
}
