import type { AddStageDto } from '../dto/create-stage.dto';

export class AddStageCommand {
  constructor(
    readonly pipelineId: string,
    readonly input: AddStageDto,
  ) {}
}
