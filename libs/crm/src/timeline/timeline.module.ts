import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GetTimelineHandler } from './queries/get-timeline.handler';
import './sources/field-change.source';
import { describeTimelineApi } from './timeline-api';
import { TimelineSources } from './timeline-sources';

/**
 * The timelines: the sources' registry, the merge of their items (`GetTimelineQuery`) and the
 * audit trail's field changes. The module owning a subject serves its route
 * (`crm/contacts/:id/timeline`, `crm/customers/:id/timeline`, `deals/:id/timeline`) after
 * reading the subject in the request's scope; other modules register their sources.
 */
@Module({
  imports: [CqrsModule],
  providers: [GetTimelineHandler],
})
export class TimelineModule implements OnApplicationBootstrap {
  onApplicationBootstrap(): void {
    TimelineSources.freeze();
    describeTimelineApi();
  }
}
