import type { UpdateProjectDto } from '../dto/update-project.dto';

export class UpdateProjectCommand {
  constructor(
    readonly projectId: string,
    readonly input: UpdateProjectDto,
  ) {}
}
