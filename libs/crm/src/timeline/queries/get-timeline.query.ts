import type { TimelineParams } from '../dto/timeline.params';
import type { TimelineSubject } from '../timeline-sources';

/** A page of `subject`'s timeline; the caller has read the subject in the request's scope. */
export class GetTimelineQuery {
  constructor(
    readonly subject: TimelineSubject,
    readonly params: TimelineParams,
  ) {}
}
