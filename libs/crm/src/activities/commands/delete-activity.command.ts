export class DeleteActivityCommand {
  constructor(readonly activityId: string) {}
}
