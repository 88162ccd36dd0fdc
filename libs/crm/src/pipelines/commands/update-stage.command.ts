import type { UpdateStageDto } from '../dto/update-stage.dto';

export class UpdateStageCommand {
  constructor(
    readonly pipelineId: string,
    readonly stageId: string,
    readonly input: UpdateStageDto,
  ) {}
}
