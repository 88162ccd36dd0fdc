import { randomUUID } from 'node:crypto';
import { Column, Entity } from 'typeorm';
import {
  ConflictError,
  DECIMAL_COLUMN,
  Decimal,
  Money,
  OrganizationScopedEntity,
  ValidationError,
} from '@clientele/core';
import type { Discount, InvoiceTotals } from '../invoice-totals';
import {
  INVOICE_STATUS,
  type InvoiceKind,
  type InvoiceStatus,
  type InvoiceStoredStatus,
  OPEN_INVOICE_STATUSES,
} from '../invoice-status';

/** A line as stored: what was sent, and the figures the server computed for it (decimal text). */
export interface StoredInvoiceItem {
  /** The line's id (`…/items/:itemId`): kept while the line is edited; a credit note's line keeps the credited line's. */
  readonly id: string;
  readonly description: string;
  readonly productCode: string | null;
  readonly quantity: string;
  readonly unitPrice: string;
  readonly taxRate: string;
  readonly discount: Discount | null;
  readonly amount: string;
  readonly lineDiscount: string;
  readonly documentDiscount: string;
  readonly net: string;
  readonly tax: string;
  readonly gross: string;
}

export interface StoredTaxTotal {
  readonly rate: string;
  readonly net: string;
  readonly tax: string;
}

/** A line as a create or update body sends it. */
export interface InvoiceItemInput {
  /** A stored line's id; a new line gets one. */
  readonly id?: string;
  readonly description: string;
  readonly productCode?: string | null;
  readonly quantity: string;
  readonly unitPrice: string;
  readonly taxRate?: string;
  readonly discount?: Discount | null;
}

const MONEY = { precision: 19, scale: 4, transformer: DECIMAL_COLUMN } as const;

/**
 * An invoice or a credit note (`kind`). Its figures are computed by `computeInvoiceTotals` and
 * stored, never taken from a client. The lifecycle rules live here, unit-tested without a database
 * (`invoice.entity.spec.ts`): only a DRAFT changes or is deleted; sending numbers it; payments and
 * credits move it through PARTIALLY_PAID to PAID as the balance falls; VOID only unpaid; OVERDUE
 * is derived, never stored.
 */
@Entity('invoice')
export class InvoiceEntity extends OrganizationScopedEntity {
  @Column('text', { default: 'INVOICE' })
  kind: InvoiceKind;

  /** Null while a draft: numbers are given when an invoice leaves DRAFT, so deleting a draft burns none. */
  @Column('text', { nullable: true })
  number: string | null;

  @Column('text', { default: 'DRAFT' })
  status: InvoiceStoredStatus;

  @Column('char', { length: 3 })
  currency: string;

  @Column('uuid', { nullable: true })
  contactId: string | null;

  @Column('uuid', { nullable: true })
  customerId: string | null;

  @Column('uuid', { nullable: true })
  ownerId: string | null;

  /** A credit note's invoice. */
  @Column('uuid', { nullable: true })
  creditedInvoiceId: string | null;

  @Column('date')
  issueDate: string;

  @Column('date', { nullable: true })
  dueDate: string | null;

  @Column('integer', { nullable: true })
  paymentTermsDays: number | null;

  @Column('text', { nullable: true })
  notes: string | null;

  @Column('text', { nullable: true })
  terms: string | null;

  @Column('boolean', { default: false })
  pricesIncludeTax: boolean;

  @Column('text', { nullable: true })
  discountKind: Discount['kind'] | null;

  @Column('numeric', { ...MONEY, nullable: true })
  discountValue: string | null;

  @Column('jsonb', { default: [] })
  items: StoredInvoiceItem[];

  @Column('jsonb', { default: [] })
  taxes: StoredTaxTotal[];

  @Column('numeric', MONEY)
  subtotal: string;

  @Column('numeric', MONEY)
  discountTotal: string;

  @Column('numeric', MONEY)
  netTotal: string;

  @Column('numeric', MONEY)
  taxTotal: string;

  @Column('numeric', MONEY)
  total: string;

  @Column('numeric', MONEY)
  amountPaid: string;

  /** Credit notes applied to this invoice's balance. */
  @Column('numeric', MONEY)
  amountCredited: string;

  /** On a credit note: the part of it refunded because the invoice had no balance left for it. */
  @Column('numeric', MONEY)
  amountRefunded: string;

  /** total − amountPaid − amountCredited, never negative (a CHECK holds it too). */
  @Column('numeric', MONEY)
  balance: string;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  sentAt: Date | null;

  @Column('text', { array: true, nullable: true })
  sentTo: string[] | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  voidedAt: Date | null;

  /** `YYYY-MM`: the month a monthly bill was generated for (one per customer and period). */
  @Column('char', { length: 7, nullable: true })
  billingPeriod: string | null;

  get documentDiscount(): Discount | null {
    return this.discountKind === null || this.discountValue === null
      ? null
      : { kind: this.discountKind, value: new Decimal(this.discountValue).toFixed() };
  }

  money(amount: string): Money {
    return Money.of(new Decimal(amount), this.currency);
  }

  /** Only a draft changes or is deleted: a sent invoice is corrected by voiding it or by a credit note (409). */
  assertDraft(): void {
    if (this.status !== 'DRAFT') {
      throw new ConflictError(
        'INVOICE_NOT_DRAFT',
        `Only a draft invoice can be changed or deleted; this one is ${this.status}: void it or issue a credit note.`,
      );
    }
  }

  /** Stores the server's figures for `items`; the balance follows. */
  applyTotals(items: readonly InvoiceItemInput[], totals: InvoiceTotals): void {
    this.items = items.map((item, index): StoredInvoiceItem => {
      const line = totals.lines[index];
      if (line === undefined) throw new Error('totals and items differ in length');
      return {
        id: item.id ?? randomUUID(),
        description: item.description,
        productCode: item.productCode ?? null,
        quantity: new Decimal(item.quantity).toFixed(),
        unitPrice: Money.of(item.unitPrice, this.currency).toString(),
        taxRate: new Decimal(item.taxRate ?? '0').toFixed(),
        discount: item.discount
          ? { kind: item.discount.kind, value: new Decimal(item.discount.value).toFixed() }
          : null,
        amount: line.amount.toString(),
        lineDiscount: line.lineDiscount.toString(),
        documentDiscount: line.documentDiscount.toString(),
        net: line.net.toString(),
        tax: line.tax.toString(),
        gross: line.gross.toString(),
      };
    });
    this.taxes = totals.taxes.map((tax) => ({ rate: tax.rate, net: tax.net.toString(), tax: tax.tax.toString() }));
    this.subtotal = totals.subtotal.toString();
    this.discountTotal = totals.discountTotal.toString();
    this.netTotal = totals.netTotal.toString();
    this.taxTotal = totals.taxTotal.toString();
    this.total = totals.total.toString();
    this.amountPaid = this.amountPaid ?? '0';
    this.amountCredited = this.amountCredited ?? '0';
    this.amountRefunded = this.amountRefunded ?? '0';
    this.balance = this.money(this.total)
      .subtract(this.money(this.amountPaid))
      .subtract(this.money(this.amountCredited))
      .toString();
  }

  /** The due date: as given, or the issue date plus the payment terms. */
  scheduleDue(dueDate: string | null | undefined, paymentTermsDays: number | null | undefined): void {
    if (paymentTermsDays !== undefined) this.paymentTermsDays = paymentTermsDays;
    if (dueDate !== undefined) this.dueDate = dueDate;
    if (this.paymentTermsDays !== null && (dueDate === undefined || dueDate === null)) {
      this.dueDate = addDays(this.issueDate, this.paymentTermsDays);
    }
    if (this.dueDate !== null && this.dueDate < this.issueDate) {
      throw ValidationError.field('dueDate', 'dueDate must not be before issueDate', 'DUE_BEFORE_ISSUE');
    }
  }

  /** A draft with a line and someone to bill (400 otherwise): checked before a number is taken. */
  assertSendable(): void {
    INVOICE_STATUS.assertTransition(this.status, 'SENT');
    if (this.items.length === 0) {
      throw ValidationError.field('items', 'an invoice needs at least one line to be sent', 'INVOICE_EMPTY');
    }
    if (this.contactId === null && this.customerId === null) {
      throw ValidationError.field(
        'customerId',
        'an invoice is sent to a contact or a customer: set one first',
        'INVOICE_NOT_ADDRESSED',
      );
    }
  }

  /** DRAFT → SENT with its number; an invoice without lines is not sent (400). */
  send(number: string, sentTo: readonly string[], now: Date): void {
    this.assertSendable();
    this.status = 'SENT';
    this.number = number;
    this.sentAt = now;
    this.sentTo = [...sentTo];
  }

  /**
   * A payment of `amount`: only on a sent, unpaid invoice (409 otherwise), and not more than
   * the balance (400 on `amount`, naming the balance). Returns whether it paid the invoice off.
   */
  recordPayment(amount: Money): boolean {
    if (!OPEN_INVOICE_STATUSES.includes(this.status)) {
      throw new ConflictError('INVOICE_NOT_PAYABLE', `A ${this.status} invoice takes no payment.`, {
        status: this.status,
      });
    }
    const balance = this.money(this.balance);
    if (amount.greaterThan(balance)) {
      throw ValidationError.field(
        'amount',
        `amount ${amount.toString()} exceeds the balance of ${balance.toString()} ${this.currency}`,
        'PAYMENT_EXCEEDS_BALANCE',
      );
    }
    this.amountPaid = this.money(this.amountPaid).add(amount).toString();
    return this.settle() === 'PAID';
  }

  /** A payment taken back: the balance grows again and the status follows it. */
  removePayment(amount: Money): void {
    if (this.status === 'DRAFT' || this.status === 'VOID' || this.kind !== 'INVOICE') {
      throw new ConflictError('INVOICE_NOT_PAYABLE', `A ${this.status} invoice has no payments to remove.`);
    }
    this.amountPaid = this.money(this.amountPaid).subtract(amount).toString();
    this.settle();
  }

  /**
   * A credit note of `total` against this invoice: it reduces the balance as far as there is one;
   * the rest is a refund. Returns the part applied to the balance and the part refunded.
   */
  applyCredit(total: Money): { applied: Money; refunded: Money } {
    if (this.kind !== 'INVOICE' || !['SENT', 'PARTIALLY_PAID', 'PAID'].includes(this.status)) {
      throw new ConflictError('INVOICE_NOT_CREDITABLE', `A ${this.status} invoice takes no credit note.`);
    }
    const balance = this.money(this.balance);
    const applied = total.greaterThan(balance) ? balance : total;
    this.amountCredited = this.money(this.amountCredited).add(applied).toString();
    this.settle();
    return { applied, refunded: total.subtract(applied) };
  }

  /** SENT → VOID, only with nothing paid or credited (409 otherwise; a draft is deleted instead). */
  void(now: Date): void {
    if (this.status === 'SENT' && !(this.money(this.amountPaid).isZero() && this.money(this.amountCredited).isZero())) {
      throw new ConflictError('INVOICE_HAS_PAYMENTS', 'An invoice with payments or credits cannot be voided.');
    }
    INVOICE_STATUS.assertTransition(this.status, 'VOID');
    this.status = 'VOID';
    this.voidedAt = now;
  }

  /** OVERDUE when sent or partly paid, with a balance, and due before `today` (`YYYY-MM-DD`). */
  effectiveStatus(today: string): InvoiceStatus {
    return this.isOverdue(today) ? 'OVERDUE' : this.status;
  }

  isOverdue(today: string): boolean {
    return (
      OPEN_INVOICE_STATUSES.includes(this.status) &&
      this.dueDate !== null &&
      this.dueDate < today &&
      this.money(this.balance).isPositive()
    );
  }

  /** The balance from the figures; the status follows it (PAID at zero, PARTIALLY_PAID part way, SENT untouched). */
  private settle(): InvoiceStoredStatus {
    const balance = this.money(this.total)
      .subtract(this.money(this.amountPaid))
      .subtract(this.money(this.amountCredited));
    this.balance = balance.toString();
    const settledSome = !(this.money(this.amountPaid).isZero() && this.money(this.amountCredited).isZero());
    const next: InvoiceStoredStatus = balance.isZero() ? 'PAID' : settledSome ? 'PARTIALLY_PAID' : 'SENT';
    if (next !== this.status) INVOICE_STATUS.assertTransition(this.status, next);
    this.status = next;
    return next;
  }
}

/** `YYYY-MM-DD` plus `days`, in calendar days (UTC). */
export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}
