import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScopedReader } from '@clientele/core';
import { activityView, selectActivityView } from '../activity-views';
import { ActivityEntity } from '../entities/activity.entity';
import { GetActivityQuery } from './get-activity.query';

/** One activity with its contact ids, in one statement. */
@QueryHandler(GetActivityQuery)
export class GetActivityHandler implements IQueryHandler<GetActivityQuery, ActivityEntity> {
  constructor(private readonly reader: ScopedReader) {}

  async execute({ activityId }: GetActivityQuery): Promise<ActivityEntity> {
    const { entity, raw } = await this.reader
      .repository(ActivityEntity)
      .findOneOrFailWithRaw(activityId, selectActivityView);
    return activityView(entity, raw);
  }
}
