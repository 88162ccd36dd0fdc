import type { PipelineDealsParams } from '../dto/pipeline-deals.params';

export class ListPipelineDealsQuery {
  constructor(
    readonly pipelineId: string,
    readonly params: PipelineDealsParams,
  ) {}
}
