import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IsDecimalString, OptionalNonNull } from '@clientele/core';
import {
  AMOUNT_LIMITS,
  AMOUNT_PATTERN,
  PERCENT_LIMITS,
  PERCENT_PATTERN,
  QUANTITY_LIMITS,
  QUANTITY_PATTERN,
} from '../invoice-amount';
import { DiscountDto } from './discount.dto';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class InvoiceItemDto {
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

  @ApiProperty({ example: '1.5', pattern: QUANTITY_PATTERN, description: 'More than 0, up to 4 decimals.' })
  @IsDecimalString(QUANTITY_LIMITS)
  quantity: string;

  @ApiProperty({
    example: '120.00',
    pattern: AMOUNT_PATTERN,
    description: 'No finer than the currency’s minor units (else 400 AMOUNT_TOO_PRECISE).',
  })
  @IsDecimalString(AMOUNT_LIMITS)
  unitPrice: string;

  @ApiPropertyOptional({ example: '20', default: '0', pattern: PERCENT_PATTERN, description: 'Per cent, 0–100.' })
  @OptionalNonNull()
  @IsDecimalString(PERCENT_LIMITS)
  taxRate?: string;

  @ApiPropertyOptional({ type: DiscountDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DiscountDto)
  discount?: DiscountDto | null;
}
