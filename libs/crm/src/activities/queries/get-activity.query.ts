export class GetActivityQuery {
  constructor(readonly activityId: string) {}
}
