import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Page, paginate, ScopedReader } from '@clientele/core';
import { ACTIVITY_SORTS, applyActivityFilters } from '../activity-filters';
import { activityView, selectActivityView } from '../activity-views';
import { ActivityEntity } from '../entities/activity.entity';
import { ListActivitiesQuery } from './list-activities.query';

/** Activities with their contact ids, filtered, paged, sorted: one statement. */
@QueryHandler(ListActivitiesQuery)
export class ListActivitiesHandler implements IQueryHandler<ListActivitiesQuery, Page<ActivityEntity>> {
  constructor(private readonly reader: ScopedReader) {}

  execute({ params }: ListActivitiesQuery): Promise<Page<ActivityEntity>> {
    const qb = applyActivityFilters(this.reader.repository(ActivityEntity).query('activity'), params, new Date());
    return paginate(selectActivityView(qb), params, ACTIVITY_SORTS, '-createdAt', { item: activityView });
  }
}
