import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsDecimalString, OptionalNonNull } from '@clientele/core';
import { TIME_ZONES } from '../billing-period';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class RecurringLineDto {
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  description: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  productCode?: string | null;

  @ApiPropertyOptional({ pattern: '^\\d{1,11}(\\.\\d{1,4})?$', default: '1' })
  @OptionalNonNull()
  @IsDecimalString({ integerDigits: 11, scale: 4 })
  quantity?: string;

  @ApiPropertyOptional({ pattern: '^\\d{1,15}(\\.\\d{1,4})?$', example: '1200.00' })
  @IsDecimalString({ integerDigits: 15, scale: 4 })
  unitPrice: string;

  @ApiPropertyOptional({ pattern: '^\\d{1,3}(\\.\\d{1,4})?$', default: '0' })
  @OptionalNonNull()
  @IsDecimalString({ integerDigits: 3, scale: 4 })
  taxRate?: string;
}

/** The whole settings (PUT replaces them): one DRAFT invoice of `lines` per month while `active`. */
export class BillingSettingsDto {
  @ApiPropertyOptional({ example: 'GBP', description: 'Default: the organization’s currency.' })
  @OptionalNonNull()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 28, default: 1 })
  @OptionalNonNull()
  @IsInt()
  @Min(1)
  @Max(28)
  dayOfMonth?: number;

  @ApiPropertyOptional({
    example: 'Europe/London',
    default: 'UTC',
    enum: TIME_ZONES,
    description: 'An IANA time zone: the period is judged here.',
  })
  @OptionalNonNull()
  @IsIn(TIME_ZONES, { message: 'timeZone must be an IANA time zone such as Europe/London' })
  timeZone?: string;

  /** The contact the bill is addressed to, one of the organization's. */
  @IsOptional()
  @IsUUID()
  contactId?: string | null;

  @ApiPropertyOptional({ minimum: 0, maximum: 3650, nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  paymentTermsDays?: number | null;

  @ApiPropertyOptional({ type: [RecurringLineDto], maxItems: 100 })
  @OptionalNonNull()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RecurringLineDto)
  lines?: RecurringLineDto[];

  @ApiPropertyOptional({ default: true })
  @OptionalNonNull()
  @IsBoolean()
  active?: boolean;
}

export class BillingRunDto {
  @ApiPropertyOptional({ example: '2026-12', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'period must be a month such as 2026-12' })
  period: string;

  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @OptionalNonNull()
  @IsUUID()
  organizationId?: string;
}
