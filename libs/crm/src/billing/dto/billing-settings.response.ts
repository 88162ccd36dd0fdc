import { ApiProperty } from '@nestjs/swagger';
import type { BillingSettingsEntity } from '../entities/billing-settings.entity';

export class RecurringLineResponse {
  description: string;
  @ApiProperty({ nullable: true, type: String })
  productCode: string | null;
  quantity: string;
  unitPrice: string;
  taxRate: string;
}

export class BillingSettingsResponse {
  customerId: string;
  /** False until settings are saved: nothing is billed. */
  configured: boolean;
  currency: string;
  dayOfMonth: number;
  timeZone: string;
  @ApiProperty({ nullable: true, type: String })
  contactId: string | null;
  @ApiProperty({ nullable: true, type: Number })
  paymentTermsDays: number | null;
  @ApiProperty({ type: [RecurringLineResponse] })
  lines: RecurringLineResponse[];
  /** The monthly bill's total (server-computed, the invoices' rounding rule). */
  monthlyTotal: string;
  active: boolean;

  static from(settings: BillingSettingsEntity, configured: boolean, monthlyTotal: string): BillingSettingsResponse {
    return {
      customerId: settings.customerId,
      configured,
      currency: settings.currency,
      dayOfMonth: settings.dayOfMonth,
      timeZone: settings.timeZone,
      contactId: settings.contactId,
      paymentTermsDays: settings.paymentTermsDays,
      lines: settings.lines.map((line) => ({ ...line })),
      monthlyTotal,
      active: settings.active,
    };
  }
}

export class BillingRunResponse {
  period: string;
  /** Invoices this run created (DRAFT). */
  createdInvoiceIds: string[];
  /** Active customers already billed for the period (by this or another run). */
  alreadyBilled: number;
}
