import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsDateOnly, IsDecimalString, OptionalNonNull } from '@clientele/core';
import { PAYMENT_METHODS, type PaymentMethod } from '../entities/invoice-payment.entity';
import { AMOUNT_LIMITS, AMOUNT_PATTERN } from '../invoice-amount';

export class RecordPaymentDto {
  @ApiProperty({
    example: '50.00',
    pattern: AMOUNT_PATTERN,
    description:
      'More than 0, at most the balance (else 400 PAYMENT_EXCEEDS_BALANCE naming it), in the invoice’s minor units.',
  })
  @IsDecimalString(AMOUNT_LIMITS)
  amount: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-12-04', description: 'Defaults to today (UTC).' })
  @OptionalNonNull()
  @IsDateOnly()
  paidOn?: string;

  @ApiPropertyOptional({ enum: PAYMENT_METHODS, default: 'BANK_TRANSFER' })
  @OptionalNonNull()
  @IsIn(PAYMENT_METHODS)
  method?: PaymentMethod;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string | null;
}
