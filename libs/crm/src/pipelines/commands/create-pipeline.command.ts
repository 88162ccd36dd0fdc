import type { CreatePipelineDto } from '../dto/create-pipeline.dto';

export class CreatePipelineCommand {
  constructor(readonly input: CreatePipelineDto) {}
}
