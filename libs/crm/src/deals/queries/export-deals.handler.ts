import type { Readable } from 'node:stream';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { parseSort, RowExporter, ScopedReader } from '@clientele/core';
import { tagNamesSql } from '../../tags';
import { DEAL_EXPORT_COLUMNS, type DealExportRow } from '../deal-export-columns';
import { applyDealFilters, DEAL_SORTS, rottingSql } from '../deal-filters';
import { DEAL_TAGS } from '../deal-tags';
import { DealEntity } from '../entities/deal.entity';
import { ExportDealsQuery } from './export-deals.query';

/** The whole filtered deal list as CSV or NDJSON, streamed from a cursor; paging ignored. */
@QueryHandler(ExportDealsQuery)
export class ExportDealsHandler implements IQueryHandler<ExportDealsQuery, Readable> {
  constructor(
    private readonly reader: ScopedReader,
    private readonly exporter: RowExporter,
  ) {}

  execute({ params, format }: ExportDealsQuery): Promise<Readable> {
    const order = parseSort(params.sort, DEAL_SORTS, '-createdAt');
    const stageColumn = (column: string): string =>
      `(SELECT export_stage.${column} FROM pipeline_stage export_stage
         WHERE export_stage.id = deal.stage_id AND export_stage.tenant_id = deal.tenant_id)`;
    const qb = applyDealFilters(this.reader.repository(DealEntity).query('deal'), params)
      .select('deal.id', 'id')
      .addSelect('deal.organizationId', 'organizationId')
      .addSelect('deal.title', 'title')
      .addSelect('deal.value', 'value')
      .addSelect('deal.currency', 'currency')
      .addSelect(`to_char(deal.expected_close_date, 'YYYY-MM-DD')`, 'expectedCloseDate')
      .addSelect('deal.pipelineId', 'pipelineId')
      .addSelect('deal.stageId', 'stageId')
      .addSelect(stageColumn('name'), 'stageName')
      .addSelect('deal.status', 'status')
      .addSelect(`coalesce(deal.probability, ${stageColumn('probability')})::int`, 'probability')
      .addSelect('deal.contactId', 'contactId')
      .addSelect('deal.customerId', 'customerId')
      .addSelect('deal.ownerId', 'ownerId')
      .addSelect('deal.closedAt', 'closedAt')
      .addSelect('deal.lostReason', 'lostReason')
      .addSelect('deal.stageChangedAt', 'stageChangedAt')
      .addSelect(rottingSql('deal'), 'rotting')
      .addSelect(tagNamesSql(DEAL_TAGS, 'deal'), 'tags')
      .addSelect('deal.createdAt', 'createdAt')
      .addSelect('deal.updatedAt', 'updatedAt')
      .orderBy(`deal.${order.property}`, order.direction)
      .addOrderBy('deal.id', order.direction);
    return this.exporter.open<DealExportRow>(qb.getQueryAndParameters(), DEAL_EXPORT_COLUMNS, format);
  }
}
