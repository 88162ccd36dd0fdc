export class CompleteActivityCommand {
  constructor(
    readonly activityId: string,
    /** ISO 8601; undefined: now. */
    readonly completedAt?: string,
  ) {}
}
