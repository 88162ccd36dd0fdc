import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScopedReader } from '@clientele/core';
import { PipelineStageEntity } from '../../pipelines';
import type { ForecastTotal } from '../deal-board';
import { sumText, weightedValueSql } from '../deal-totals';
import { DealEntity } from '../entities/deal.entity';
import { type ForecastPeriod, forecastPeriods } from '../forecast-periods';
import { GetDealForecastQuery } from './get-deal-forecast.query';

interface ForecastRow {
  period: string;
  currency: string;
  openCount: number;
  openValue: string | null;
  weightedValue: string | null;
  wonCount: number;
  wonValue: string | null;
}

export interface ForecastView {
  readonly period: ForecastPeriod;
  readonly totals: readonly ForecastTotal[];
}

/**
 * Per period and currency: open deals expected to close then (count, value, weighted value) and
 * deals won then (by `closedAt`, UTC). One grouped statement; sums on `numeric`, never floats.
 */
@QueryHandler(GetDealForecastQuery)
export class GetDealForecastHandler implements IQueryHandler<GetDealForecastQuery, ForecastView[]> {
  constructor(private readonly reader: ScopedReader) {}

  async execute({ params }: GetDealForecastQuery): Promise<ForecastView[]> {
    const interval = params.interval ?? 'month';
    const periods = forecastPeriods(params.from, params.to, interval);
    const first = periods[0]?.start ?? params.from;
    const last = periods.at(-1)?.end ?? params.to;
    const day = `(CASE WHEN deal.status = 'WON' THEN (deal.closed_at AT TIME ZONE 'UTC')::date ELSE deal.expected_close_date END)`;
    const period =
      interval === 'month' ? `to_char(${day}, 'YYYY-MM')` : `to_char(${day}, 'YYYY') || '-Q' || to_char(${day}, 'Q')`;
    const qb = this.reader
      .repository(DealEntity)
      .query('deal')
      .innerJoin(
        PipelineStageEntity,
        'forecast_stage',
        'forecast_stage.id = deal.stageId AND forecast_stage.tenantId = deal.tenantId',
      )
      .andWhere(`deal.status IN ('OPEN', 'WON')`)
      .andWhere(`${day} BETWEEN :forecastFrom AND :forecastTo`, { forecastFrom: first, forecastTo: last });
    if (params.pipelineId !== undefined)
      qb.andWhere('deal.pipelineId = :pipelineId', { pipelineId: params.pipelineId });
    const rows = await qb
      .select(period, 'period')
      .addSelect('deal.currency', 'currency')
      .addSelect(`count(*) FILTER (WHERE deal.status = 'OPEN')::int`, 'openCount')
      .addSelect(`(sum(deal.value) FILTER (WHERE deal.status = 'OPEN'))::text`, 'openValue')
      .addSelect(
        `(sum(${weightedValueSql('deal', 'forecast_stage')}) FILTER (WHERE deal.status = 'OPEN'))::text`,
        'weightedValue',
      )
      .addSelect(`count(*) FILTER (WHERE deal.status = 'WON')::int`, 'wonCount')
      .addSelect(`(sum(deal.value) FILTER (WHERE deal.status = 'WON'))::text`, 'wonValue')
      .groupBy(period)
      .addGroupBy('deal.currency')
      .orderBy('deal.currency')
      .getRawMany<ForecastRow>();
    return periods.map((each) => ({
      period: each,
      totals: rows
        .filter((row) => row.period === each.key)
        .map((row) => ({
          currency: row.currency,
          openCount: row.openCount,
          openValue: sumText(row.openValue, row.currency),
          weightedValue: sumText(row.weightedValue, row.currency),
          wonCount: row.wonCount,
          wonValue: sumText(row.wonValue, row.currency),
        })),
    }));
  }
}
