import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { escapeLike, type Page, paginate, ScopedReader } from '@clientele/core';
import { PipelineStageEntity } from '../entities/pipeline-stage.entity';
import { PipelineEntity } from '../entities/pipeline.entity';
import { loadPipelineStages } from '../pipeline-stages';
import type { PipelineView } from '../pipeline-view';
import { ListPipelinesQuery } from './list-pipelines.query';

export const PIPELINE_SORTS = { name: 'name', createdAt: 'createdAt', updatedAt: 'updatedAt' } as const;

/** Pipelines with their stages in order, oldest (the default one) first. */
@QueryHandler(ListPipelinesQuery)
export class ListPipelinesHandler implements IQueryHandler<ListPipelinesQuery, Page<PipelineView>> {
  constructor(private readonly reader: ScopedReader) {}

  async execute({ params }: ListPipelinesQuery): Promise<Page<PipelineView>> {
    const pipelines = this.reader.repository(PipelineEntity);
    const qb = pipelines.query('pipeline');
    // Gauzy's `where[organizationId]` is not seen by the request's scope: check it here (404/403).
    if (params.organizationId !== undefined) {
      pipelines.scope.assertGranted(params.organizationId);
      qb.andWhere('pipeline.organizationId = :organizationId', { organizationId: params.organizationId });
    }
    if (params.q !== undefined && params.q.trim() !== '') {
      qb.andWhere('lower(pipeline.name) LIKE :pipelineQ', {
        pipelineQ: `%${escapeLike(params.q.trim().toLowerCase())}%`,
      });
    }
    const page = await paginate(qb, params, PIPELINE_SORTS, 'createdAt');
    const stages = await loadPipelineStages(
      this.reader.repository(PipelineStageEntity),
      page.items.map((pipeline) => pipeline.id),
    );
    return page.map((pipeline) => ({ pipeline, stages: stages.get(pipeline.id) ?? [] }));
  }
}
