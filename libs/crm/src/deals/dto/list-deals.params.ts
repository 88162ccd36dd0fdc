import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsDateOnly, IsDecimalString, LIST_FORMATS, type ListFormat, PageParams } from '@clientele/core';
import { DEAL_STATUSES, type DealStatus } from '../deal-status';
import { DEAL_VALUE_LIMITS, DEAL_VALUE_PATTERN } from '../deal-value';

const queryBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class ListDealsParams extends PageParams {
  /** Title contains (case-insensitive). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @IsOptional()
  @IsUUID()
  pipelineId?: string;

  @IsOptional()
  @IsUUID()
  stageId?: string;

  @ApiPropertyOptional({ enum: DEAL_STATUSES })
  @IsOptional()
  @IsIn(DEAL_STATUSES)
  status?: DealStatus;

  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @IsOptional()
  @IsUUID()
  contactId?: string;

  @IsOptional()
  @IsUUID()
  customerId?: string;

  /** A tag id, or a tag name (case-insensitive). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  tag?: string;

  @ApiPropertyOptional({ example: 'EUR' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string;

  @ApiPropertyOptional({
    example: '1000.00',
    description: 'Value at least (decimal string).',
    pattern: DEAL_VALUE_PATTERN,
  })
  @IsOptional()
  @IsDecimalString(DEAL_VALUE_LIMITS)
  valueMin?: string;

  @ApiPropertyOptional({
    example: '50000',
    description: 'Value at most (decimal string).',
    pattern: DEAL_VALUE_PATTERN,
  })
  @IsOptional()
  @IsDecimalString(DEAL_VALUE_LIMITS)
  valueMax?: string;

  @ApiPropertyOptional({ example: '2026-12-01', description: 'Expected close date on or after.', format: 'date' })
  @IsOptional()
  @IsDateOnly()
  closeDateFrom?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Expected close date on or before.', format: 'date' })
  @IsOptional()
  @IsDateOnly()
  closeDateTo?: string;

  /** Only open deals that sat in their stage longer than its `rottenAfterDays` (true), or the others (false). */
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  rotting?: boolean;

  /** Only this organization's deals (default: every organization you may view). */
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({
    enum: LIST_FORMATS,
    default: 'json',
    description:
      '`csv` or `ndjson` download the whole filtered list (paging ignored, `sort` kept) as `deals-YYYY-MM-DD.csv`.',
  })
  @IsOptional()
  @IsIn(LIST_FORMATS)
  format?: ListFormat;
}
