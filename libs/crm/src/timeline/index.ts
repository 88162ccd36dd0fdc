// What other rooms may use from timeline.
export { auditTimelineEntries, type TimelineActor, timelineActor } from './audit-timeline';
export { TimelineParams } from './dto/timeline.params';
export { TimelineResponse } from './dto/timeline.response';
export { GetTimelineQuery } from './queries/get-timeline.query';
export { timelineResponse } from './timeline-response';
export {
  compareTimelinePositions,
  type TimelineItem,
  type TimelinePosition,
  type TimelineSource,
  TimelineSources,
  timelineAfterSql,
  timelineSourcesFor,
  type TimelineSubject,
} from './timeline-sources';
export { TimelineModule } from './timeline.module';
