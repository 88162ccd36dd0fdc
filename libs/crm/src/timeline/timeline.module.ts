import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { TimelineSources } from './timeline-sources';

/**
 * The timelines' registry. It serves no route yet: the activities, notes, sales and tickets
 * modules register their sources, and the timeline routes come with the first of them.
 */
@Module({})
export class TimelineModule implements OnApplicationBootstrap {
  onApplicationBootstrap(): void {
    TimelineSources.freeze();
  }
}
