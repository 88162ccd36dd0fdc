import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsDateOnly } from '@clientele/core';

export class InvoiceSummaryParams {
  @ApiPropertyOptional({ format: 'date', description: 'Issue date on or after.' })
  @IsOptional()
  @IsDateOnly()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Issue date on or before.' })
  @IsOptional()
  @IsDateOnly()
  to?: string;

  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

export class InvoiceCurrencySummary {
  currency: string;
  invoiceCount: number;
  /** Σ totals of sent (not void) invoices. */
  invoiced: string;
  paid: string;
  credited: string;
  /** Σ balances. */
  outstanding: string;
  /** Σ balances past due. */
  overdue: string;
}

export class InvoiceSummaryResponse {
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' })
  from: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' })
  to: string | null;
  /** One row per currency: amounts are never summed across currencies. */
  currencies: InvoiceCurrencySummary[];
}

export class InvoiceRenderParams {
  @ApiPropertyOptional({
    enum: ['json', 'html', 'pdf'],
    description:
      '`html` (or `Accept: text/html`): a printable page; `pdf` (or `Accept: application/pdf`): the same as an A4 PDF.',
  })
  @IsOptional()
  @IsIn(['json', 'html', 'pdf'])
  format?: 'json' | 'html' | 'pdf';
}
