import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDateOnly, OptionalNonNull } from '@clientele/core';
import { OrganizationIdField } from '../../record-fields.decorator';
import { TagIdsField, TagRefDto, TagRefsField } from '../../tags';
import { MAX_INVOICE_ITEMS, ROUNDING_RULE } from '../invoice-amount';
import { DiscountDto } from './discount.dto';
import { InvoiceItemDto } from './invoice-item.dto';

/**
 * A draft invoice. No total, subtotal, tax or balance is ever taken from a client (a 400: the
 * fields do not exist here); the server computes them.
 */
export class CreateInvoiceDto {
  /** A contact of the organization; an invoice is billed to a contact and/or a customer (needed to send it). */
  @IsOptional()
  @IsUUID()
  contactId?: string | null;

  @IsOptional()
  @IsUUID()
  customerId?: string | null;

  @ApiPropertyOptional({ example: 'GBP', description: 'ISO 4217; defaults to the organization’s default currency.' })
  @OptionalNonNull()
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string;

  @ApiPropertyOptional({ example: '2026-12-01', format: 'date', description: 'Defaults to today (UTC).' })
  @OptionalNonNull()
  @IsDateOnly()
  issueDate?: string;

  @ApiPropertyOptional({ example: '2026-12-31', format: 'date', nullable: true, type: String })
  @IsOptional()
  @IsDateOnly()
  dueDate?: string | null;

  /** Days after the issue date the invoice is due, when no `dueDate` is sent. */
  @ApiPropertyOptional({ minimum: 0, maximum: 3650, nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  paymentTermsDays?: number | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  terms?: string | null;

  @ApiPropertyOptional({ default: false, description: 'Unit prices include tax: nets are derived from them.' })
  @OptionalNonNull()
  @IsBoolean()
  pricesIncludeTax?: boolean;

  @ApiPropertyOptional({ type: DiscountDto, nullable: true, description: `Document discount. ${ROUNDING_RULE}` })
  @IsOptional()
  @ValidateNested()
  @Type(() => DiscountDto)
  discount?: DiscountDto | null;

  @ApiPropertyOptional({ type: [InvoiceItemDto], maxItems: MAX_INVOICE_ITEMS, description: ROUNDING_RULE })
  @OptionalNonNull()
  @IsArray()
  @ArrayMaxSize(MAX_INVOICE_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => InvoiceItemDto)
  items?: InvoiceItemDto[];

  /**
   * Tags of the organization, Gauzy-style: `[{ "id": "…" }]`. Or send `tagIds`; `[]` clears, `null`
   * is refused. Unlike every other field, tags may also be changed once the invoice is sent.
   */
  @TagRefsField({ nullable: false })
  tags?: TagRefDto[];

  @TagIdsField({ nullable: false })
  tagIds?: string[];

  @OrganizationIdField()
  organizationId?: string;
}
