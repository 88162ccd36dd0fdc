import { Column, Entity } from 'typeorm';
import { DECIMAL_COLUMN, OrganizationScopedEntity } from '@clientele/core';

/** A recurring line of a monthly bill. */
export interface RecurringLine {
  readonly description: string;
  readonly productCode: string | null;
  readonly quantity: string;
  readonly unitPrice: string;
  readonly taxRate: string;
}

/** How a customer is billed each month: a DRAFT invoice of these lines on `dayOfMonth`, in its time zone. */
@Entity('billing_settings')
export class BillingSettingsEntity extends OrganizationScopedEntity {
  @Column('uuid')
  customerId: string;

  @Column('uuid', { nullable: true })
  contactId: string | null;

  @Column('char', { length: 3 })
  currency: string;

  @Column('smallint')
  dayOfMonth: number;

  @Column('text', { default: 'UTC' })
  timeZone: string;

  @Column('integer', { nullable: true })
  paymentTermsDays: number | null;

  @Column('jsonb', { default: [] })
  lines: RecurringLine[];

  /** The bill's total as `computeInvoiceTotals` makes it, for the customer's billing summary. */
  @Column('numeric', { precision: 19, scale: 4, transformer: DECIMAL_COLUMN })
  monthlyTotal: string;

  @Column('boolean', { default: true })
  active: boolean;
}
