import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DEFAULT_PAGE_SIZE, Page, readRows, ScopedReader } from '@clientele/core';
import { PipelineEntity, PipelineStageEntity } from '../../pipelines';
import type { DealView } from '../deal-view';
import { dealView, selectDealView } from '../deal-views';
import { DealEntity } from '../entities/deal.entity';
import { ListPipelineDealsQuery } from './list-pipeline-deals.query';

/** Gauzy's pipeline deals: the pipeline's deals in stage order, newest first within a stage. */
@QueryHandler(ListPipelineDealsQuery)
export class ListPipelineDealsHandler implements IQueryHandler<ListPipelineDealsQuery, Page<DealView>> {
  constructor(private readonly reader: ScopedReader) {}

  async execute({ pipelineId, params }: ListPipelineDealsQuery): Promise<Page<DealView>> {
    const pipeline = await this.reader.repository(PipelineEntity).findOneOrFail(pipelineId);
    const qb = this.reader
      .repository(DealEntity)
      .query('deal', 'visible')
      .andWhere('deal.pipelineId = :pipelineId', { pipelineId: pipeline.id });
    const total = await qb.clone().getCount();
    const rows = await readRows(
      selectDealView(qb)
        .innerJoin(
          PipelineStageEntity,
          'order_stage',
          'order_stage.id = deal.stageId AND order_stage.tenantId = deal.tenantId',
        )
        .orderBy('order_stage.position', 'ASC')
        .addOrderBy('deal.createdAt', 'DESC')
        .addOrderBy('deal.id', 'DESC')
        .limit(params.limit ?? DEFAULT_PAGE_SIZE)
        .offset(params.offset ?? 0),
    );
    const now = new Date();
    return new Page(
      rows.map(({ entity, raw }) => dealView(entity, raw, now)),
      total,
    );
  }
}
