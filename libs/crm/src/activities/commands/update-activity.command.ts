import type { UpdateActivityDto } from '../dto/update-activity.dto';

export class UpdateActivityCommand {
  constructor(
    readonly activityId: string,
    readonly input: UpdateActivityDto,
  ) {}
}
