import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, ScopedReader } from '@clientele/core';
import { PipelineStageEntity } from '../entities/pipeline-stage.entity';
import { PipelineEntity } from '../entities/pipeline.entity';
import { GetStageQuery } from './get-stage.query';

/** A stage of the pipeline; one of another pipeline is a 404. */
@QueryHandler(GetStageQuery)
export class GetStageHandler implements IQueryHandler<GetStageQuery, PipelineStageEntity> {
  constructor(private readonly reader: ScopedReader) {}

  async execute({ pipelineId, stageId }: GetStageQuery): Promise<PipelineStageEntity> {
    const pipeline = await this.reader.repository(PipelineEntity).findOneOrFail(pipelineId);
    const stage = await this.reader.repository(PipelineStageEntity).findOneOrFail(stageId);
    if (stage.pipelineId !== pipeline.id) throw new NotFoundError('PIPELINE_STAGE', stageId);
    return stage;
  }
}
