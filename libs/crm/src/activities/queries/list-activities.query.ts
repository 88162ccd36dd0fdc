import type { ListActivitiesParams } from '../dto/list-activities.params';

export class ListActivitiesQuery {
  constructor(readonly params: ListActivitiesParams) {}
}
