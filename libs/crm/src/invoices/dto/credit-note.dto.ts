import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDecimalString, OptionalNonNull } from '@clientele/core';
import { QUANTITY_LIMITS, QUANTITY_PATTERN } from '../invoice-amount';

export class CreditNoteLineDto {
  /** The invoice line credited, by its position (0 first). */
  @ApiProperty({ minimum: 0, maximum: 199 })
  @IsInt()
  @Min(0)
  line: number;

  @ApiPropertyOptional({ pattern: QUANTITY_PATTERN, description: 'Default: the whole line’s quantity.' })
  @OptionalNonNull()
  @IsDecimalString(QUANTITY_LIMITS)
  quantity?: string;
}

/** Some lines of a sent invoice (default: all of it), credited: the credit reduces the balance, the rest is a refund. */
export class CreditNoteDto {
  @ApiPropertyOptional({ type: [CreditNoteLineDto], maxItems: 200 })
  @OptionalNonNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CreditNoteLineDto)
  lines?: CreditNoteLineDto[];

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;
}
