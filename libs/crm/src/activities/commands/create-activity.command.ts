import type { CreateActivityDto } from '../dto/create-activity.dto';

export class CreateActivityCommand {
  constructor(readonly input: CreateActivityDto) {}
}
