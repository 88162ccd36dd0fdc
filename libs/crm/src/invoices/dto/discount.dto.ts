import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsDecimalString } from '@clientele/core';
import { AMOUNT_LIMITS, AMOUNT_PATTERN } from '../invoice-amount';

export const DISCOUNT_KINDS = ['PERCENT', 'AMOUNT'] as const;

/** A percentage (0–100) of what it applies to, or an amount of the invoice's currency. */
export class DiscountDto {
  @ApiProperty({ enum: DISCOUNT_KINDS })
  @IsIn(DISCOUNT_KINDS)
  kind: (typeof DISCOUNT_KINDS)[number];

  @ApiProperty({ example: '10', pattern: AMOUNT_PATTERN, description: 'Decimal text; PERCENT at most 100.' })
  @IsDecimalString(AMOUNT_LIMITS)
  value: string;
}
