import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScopedReader } from '@clientele/core';
import { PipelineStageEntity } from '../entities/pipeline-stage.entity';
import { PipelineEntity } from '../entities/pipeline.entity';
import { loadPipelineStages } from '../pipeline-stages';
import type { PipelineView } from '../pipeline-view';
import { GetPipelineQuery } from './get-pipeline.query';

@QueryHandler(GetPipelineQuery)
export class GetPipelineHandler implements IQueryHandler<GetPipelineQuery, PipelineView> {
  constructor(private readonly reader: ScopedReader) {}

  async execute({ pipelineId }: GetPipelineQuery): Promise<PipelineView> {
    const pipeline = await this.reader.repository(PipelineEntity).findOneOrFail(pipelineId);
    const stages = await loadPipelineStages(this.reader.repository(PipelineStageEntity), [pipeline.id]);
    return { pipeline, stages: stages.get(pipeline.id) ?? [] };
  }
}
