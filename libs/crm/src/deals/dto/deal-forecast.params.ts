import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsDateOnly } from '@clientele/core';
import { FORECAST_INTERVALS, type ForecastInterval } from '../forecast-periods';

export class DealForecastParams {
  @ApiProperty({ example: '2026-01-01', format: 'date' })
  @IsDateOnly()
  from: string;

  @ApiProperty({ example: '2026-12-31', format: 'date' })
  @IsDateOnly()
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
