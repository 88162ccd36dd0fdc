import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsDateOnly, IsDecimalString, OptionalNonNull } from '@clientele/core';
import { OrganizationIdField, OwnerIdField } from '../../record-fields.decorator';
import { TagIdsField, TagRefDto, TagRefsField } from '../../tags';
import { DEAL_VALUE_LIMITS, DEAL_VALUE_PATTERN } from '../deal-value';

export class CreateDealDto {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({
    example: '12500.00',
    default: '0',
    pattern: DEAL_VALUE_PATTERN,
    description:
      'A decimal string (never a JSON number), with at most the currency’s minor units: JPY 0, USD 2, KWD 3.',
  })
  @OptionalNonNull()
  @IsDecimalString(DEAL_VALUE_LIMITS, { message: 'value must be a decimal string such as "12500.00"' })
  value?: string;

  @ApiPropertyOptional({ example: 'EUR', description: 'ISO 4217; defaults to the organization’s default currency.' })
  @OptionalNonNull()
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string;

  @ApiPropertyOptional({ example: '2026-12-31', nullable: true, type: String, format: 'date' })
  @IsOptional()
  @IsDateOnly()
  expectedCloseDate?: string | null;

  /** A pipeline of the organization; its first OPEN stage when `stageId` is left out. Default: the organization's first pipeline. */
  @OptionalNonNull()
  @IsUUID()
  pipelineId?: string;

  /** An OPEN stage of the organization (of `pipelineId` when both are sent). */
  @OptionalNonNull()
  @IsUUID()
  stageId?: string;

  @IsOptional()
  @IsUUID()
  contactId?: string | null;

  @IsOptional()
  @IsUUID()
  customerId?: string | null;

  /** A member of the organization; defaults to you. An AGENT creates only deals it owns. */
  @OwnerIdField()
  ownerId?: string | null;

  /** 0–100, the deal's own estimate; null or left out: the stage's probability. */
  @ApiPropertyOptional({ minimum: 0, maximum: 100, nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  probability?: number | null;

  /** Tags of the organization, Gauzy-style: `[{ "id": "…" }]`. Or send `tagIds`. */
  @TagRefsField()
  tags?: TagRefDto[];

  @TagIdsField()
  tagIds?: string[];

  /** The organization the deal belongs to; defaults to your only one (or `X-Organization-Id`). */
  @OrganizationIdField()
  organizationId?: string;
}
