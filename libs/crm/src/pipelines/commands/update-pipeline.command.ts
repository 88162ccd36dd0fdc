import type { UpdatePipelineDto } from '../dto/update-pipeline.dto';

export class UpdatePipelineCommand {
  constructor(
    readonly pipelineId: string,
    readonly input: UpdatePipelineDto,
  ) {}
}
