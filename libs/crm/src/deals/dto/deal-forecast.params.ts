import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { FORECAST_INTERVALS, type ForecastInterval } from '../forecast-periods';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export class DealForecastParams {
  @ApiProperty({ example: '2026-01-01', format: 'date' })
  @Matches(DATE_ONLY, { message: 'from must be a date, YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from must be a real date, YYYY-MM-DD' })
  from: string;

  @ApiProperty({ example: '2026-12-31', format: 'date' })
  @Matches(DATE_ONLY, { message: 'to must be a date, YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'to must be a real date, YYYY-MM-DD' })
  to: string;

  @ApiPropertyOptional({ enum: FORECAST_INTERVALS, default: 'month' })
  @IsOptional()
  @IsIn(FORECAST_INTERVALS)
  interval?: ForecastInterval;

  /** Only this pipeline's deals. */
  @IsOptional()
  @IsUUID()
  pipelineId?: string;

  /** Only this organization's deals (default: every organization you may view). */
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
