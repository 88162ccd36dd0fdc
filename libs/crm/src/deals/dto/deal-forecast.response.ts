import { ApiProperty } from '@nestjs/swagger';
import { FORECAST_INTERVALS, type ForecastInterval } from '../forecast-periods';

export class ForecastTotalResponse {
  @ApiProperty({ example: 'EUR' })
  currency: string;
  /** Open deals expected to close in the period. */
  openCount: number;
  @ApiProperty({ example: '50000.00', description: 'Exact sum of the open deals’ values.' })
  openValue: string;
  @ApiProperty({ example: '21250.00', description: 'Exact sum of value × probability / 100 of the open deals.' })
  weightedValue: string;
  /** Deals won (closed) in the period. */
  wonCount: number;
  @ApiProperty({ example: '12500.00' })
  wonValue: string;
}

export class ForecastPeriodResponse {
  @ApiProperty({ example: '2026-12', description: '`YYYY-MM` or `YYYY-Qn`.' })
  period: string;
  @ApiProperty({ format: 'date' })
  start: string;
  @ApiProperty({ format: 'date' })
  end: string;
  @ApiProperty({ type: [ForecastTotalResponse] })
  totals: ForecastTotalResponse[];
}

export class DealForecastResponse {
  @ApiProperty({ enum: FORECAST_INTERVALS })
  interval: ForecastInterval;
  @ApiProperty({ format: 'date' })
  from: string;
  @ApiProperty({ format: 'date' })
  to: string;
  @ApiProperty({ type: [ForecastPeriodResponse] })
  periods: ForecastPeriodResponse[];
}
