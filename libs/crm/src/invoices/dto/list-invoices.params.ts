import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsDateOnly, IsDecimalString, LIST_FORMATS, type ListFormat, PageParams } from '@clientele/core';
import { AMOUNT_LIMITS, AMOUNT_PATTERN } from '../invoice-amount';
import { INVOICE_KINDS, INVOICE_STATUSES, type InvoiceKind, type InvoiceStatus } from '../invoice-status';

export class ListInvoicesParams extends PageParams {
  /** Number, or the contact's or customer's name, contains (case-insensitive). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    enum: INVOICE_STATUSES,
    description: 'The shown status: OVERDUE is derived, SENT excludes it.',
  })
  @IsOptional()
  @IsIn(INVOICE_STATUSES)
  status?: InvoiceStatus;

  @ApiPropertyOptional({ enum: INVOICE_KINDS })
  @IsOptional()
  @IsIn(INVOICE_KINDS)
  kind?: InvoiceKind;

  @IsOptional()
  @IsUUID()
  contactId?: string;

  /** A tag id, or a tag name (case-insensitive). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  tag?: string;

  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ example: 'GBP' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDateOnly()
  issueDateFrom?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDateOnly()
  issueDateTo?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDateOnly()
  dueDateFrom?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDateOnly()
  dueDateTo?: string;

  @ApiPropertyOptional({ pattern: AMOUNT_PATTERN, description: 'Total at least.' })
  @IsOptional()
  @IsDecimalString(AMOUNT_LIMITS)
  totalMin?: string;

  @ApiPropertyOptional({ pattern: AMOUNT_PATTERN, description: 'Total at most.' })
  @IsOptional()
  @IsDecimalString(AMOUNT_LIMITS)
  totalMax?: string;

  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({
    enum: LIST_FORMATS,
    default: 'json',
    description: '`csv` or `ndjson`: the whole filtered list.',
  })
  @IsOptional()
  @IsIn(LIST_FORMATS)
  format?: ListFormat;
}
