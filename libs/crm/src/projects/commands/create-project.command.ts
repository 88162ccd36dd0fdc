import type { CreateProjectDto } from '../dto/create-project.dto';

export class CreateProjectCommand {
  constructor(readonly input: CreateProjectDto) {}
}
