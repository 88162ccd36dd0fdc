import { Column, Entity } from 'typeorm';
import { DECIMAL_COLUMN, OrganizationScopedEntity } from '@clientele/core';

export const PAYMENT_METHODS = ['BANK_TRANSFER', 'CARD', 'CASH', 'CHEQUE', 'DIRECT_DEBIT', 'OTHER'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** A payment received against an invoice, in the invoice's currency. */
@Entity('invoice_payment')
export class InvoicePaymentEntity extends OrganizationScopedEntity {
  @Column('uuid')
  invoiceId: string;

  @Column('numeric', { precision: 19, scale: 4, transformer: DECIMAL_COLUMN })
  amount: string;

  @Column('char', { length: 3 })
  currency: string;

  @Column('date')
  paidOn: string;

  @Column('text')
  method: PaymentMethod;

  @Column('text', { nullable: true })
  reference: string | null;
}
