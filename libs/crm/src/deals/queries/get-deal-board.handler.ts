import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { countedTotal, PageParams, paginate, ScopedReader } from '@clientele/core';
import { loadPipelineStages, PipelineEntity, PipelineStageEntity } from '../../pipelines';
import type { BoardColumn, StageTotal } from '../deal-board';
import { DEAL_SORTS } from '../deal-filters';
import { sumText } from '../deal-totals';
import { dealView, selectDealView } from '../deal-views';
import { DealEntity } from '../entities/deal.entity';
import { GetDealBoardQuery } from './get-deal-board.query';

interface TotalRow {
  stageId: string;
  currency: string;
  dealCount: number;
  value: string;
  weightedValue: string;
}

/**
 * The board of a pipeline: each stage with its first page of deals (newest first, with a cursor
 * the deal list continues), its exact deal count, and its value and weighted value per currency,
 * exact `numeric` sums — all from the counters. Every read names the pipeline's organization
 * (`organization_id = …` beside the visible ones), so the indexes serve it in that organization only.
 */
@QueryHandler(GetDealBoardQuery)
export class GetDealBoardHandler implements IQueryHandler<GetDealBoardQuery, BoardColumn[]> {
  constructor(private readonly reader: ScopedReader) {}

  async execute({ params }: GetDealBoardQuery): Promise<BoardColumn[]> {
    const pipeline = await this.reader.repository(PipelineEntity).findOneOrFail(params.pipelineId);
    const stages =
      (await loadPipelineStages(this.reader.repository(PipelineStageEntity), [pipeline.id])).get(pipeline.id) ?? [];
    const deals = this.reader.repository(DealEntity);
    const { scope } = deals;
    // The sums come from the counters (`deal_stage_total`, kept per organization, stage and
    // currency by the deals' triggers): a handful of rows, however many deals the pipeline holds.
    // Multiplying by 0.01 rather than dividing by 100 keeps every digit of the numeric.
    const totals = await this.reader
      .repository(PipelineStageEntity)
      .query('stage', 'visible')
      .innerJoin(
        'deal_stage_total',
        'total',
        'total.tenant_id = stage.tenantId AND total.organization_id = stage.organizationId AND total.stage_id = stage.id',
      )
      .andWhere('stage.pipelineId = :pipelineId', { pipelineId: pipeline.id })
      .andWhere('total.deal_count > 0')
      .select('stage.id', 'stageId')
      .addSelect('total.currency', 'currency')
      .addSelect('total.deal_count::int', 'dealCount')
      .addSelect('total.value::text', 'value')
      .addSelect(
        '((total.own_weighted_value + total.stage_probability_value * stage.probability) * 0.01)::text',
        'weightedValue',
      )
      .orderBy('total.currency')
      .getRawMany<TotalRow>();
    const now = new Date();
    const page = Object.assign(new PageParams(), { limit: params.limit });
    const columns: BoardColumn[] = [];
    // One stage after the other: the request holds one pooled connection at a time.
    for (const stage of stages) {
      // The pipeline's organization by equality: the stage's newest deals are then an ordered
      // `deal_stage_idx` scan that stops at the page, not a sort of every deal in the stage.
      const qb = deals
        .query('deal', 'visible')
        .andWhere('deal.organizationId = :boardOrganizationId', { boardOrganizationId: pipeline.organizationId })
        .andWhere('deal.stageId = :stageId', { stageId: stage.id });
      const dealsPage = await paginate(selectDealView(qb), page, DEAL_SORTS, '-createdAt', {
        total: countedTotal(
          'deal',
          scope.tenantId,
          [pipeline.organizationId],
          [{ column: 'stage_id', value: stage.id }],
        ),
        item: (deal, raw) => dealView(deal, raw, now),
      });
      const stageTotals: StageTotal[] = totals
        .filter((row) => row.stageId === stage.id)
        .map((row) => ({
          currency: row.currency,
          dealCount: row.dealCount,
          value: sumText(row.value, row.currency),
          weightedValue: sumText(row.weightedValue, row.currency),
        }));
      columns.push({ stage, dealCount: dealsPage.total, totals: stageTotals, page: dealsPage });
    }
    return columns;
  }
}
