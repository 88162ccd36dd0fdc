export class ReopenActivityCommand {
  constructor(readonly activityId: string) {}
}
