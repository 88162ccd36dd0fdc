// What other rooms may use from timeline.
export {
  type TimelineItem,
  type TimelinePosition,
  type TimelineSource,
  TimelineSources,
  timelineSourcesFor,
  type TimelineSubject,
} from './timeline-sources';
export { TimelineModule } from './timeline.module';
