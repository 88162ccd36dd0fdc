import { ApiProperty } from '@nestjs/swagger';
import { type TagSummary, TagSummaryResponse } from '../../tags';
import type { InvoicePaymentEntity } from '../entities/invoice-payment.entity';
import type { InvoiceEntity } from '../entities/invoice.entity';
import { ROUNDING_RULE } from '../invoice-amount';
import { INVOICE_KINDS, INVOICE_STATUSES, type InvoiceKind, type InvoiceStatus } from '../invoice-status';

export class InvoiceDiscountResponse {
  @ApiProperty({ enum: ['PERCENT', 'AMOUNT'] })
  kind: 'PERCENT' | 'AMOUNT';
  value: string;
}

export class InvoiceItemResponse {
  /** The line's id, for `…/items/:itemId`. */
  id: string;
  description: string;
  @ApiProperty({ nullable: true, type: String })
  productCode: string | null;
  quantity: string;
  unitPrice: string;
  taxRate: string;
  @ApiProperty({ nullable: true, type: InvoiceDiscountResponse })
  discount: InvoiceDiscountResponse | null;
  /** quantity × unitPrice, rounded. */
  amount: string;
  lineDiscount: string;
  /** The line's share of the document discount. */
  documentDiscount: string;
  net: string;
  tax: string;
  gross: string;
}

export class InvoiceTaxResponse {
  rate: string;
  net: string;
  tax: string;
}

export class InvoiceResponse {
  id: string;
  organizationId: string;
  @ApiProperty({ enum: INVOICE_KINDS })
  kind: InvoiceKind;
  @ApiProperty({ nullable: true, type: String, example: 'INV-2026-00042', description: 'Given when it leaves DRAFT.' })
  number: string | null;
  @ApiProperty({ enum: INVOICE_STATUSES, description: 'OVERDUE: sent, with a balance, past its due date (derived).' })
  status: InvoiceStatus;
  @ApiProperty({ example: 'GBP' })
  currency: string;
  @ApiProperty({ nullable: true, type: String })
  contactId: string | null;
  @ApiProperty({ nullable: true, type: String })
  customerId: string | null;
  @ApiProperty({ nullable: true, type: String })
  ownerId: string | null;
  @ApiProperty({ nullable: true, type: String })
  creditedInvoiceId: string | null;
  @ApiProperty({ format: 'date' })
  issueDate: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' })
  dueDate: string | null;
  @ApiProperty({ nullable: true, type: Number })
  paymentTermsDays: number | null;
  @ApiProperty({ nullable: true, type: String })
  notes: string | null;
  @ApiProperty({ nullable: true, type: String })
  terms: string | null;
  pricesIncludeTax: boolean;
  @ApiProperty({ nullable: true, type: InvoiceDiscountResponse })
  discount: InvoiceDiscountResponse | null;
  @ApiProperty({ type: [InvoiceItemResponse], description: ROUNDING_RULE })
  items: InvoiceItemResponse[];
  @ApiProperty({ type: [InvoiceTaxResponse], description: 'Net and tax per tax rate: sums of the rounded lines.' })
  taxes: InvoiceTaxResponse[];
  @ApiProperty({ description: `Decimal strings in the currency’s minor units. ${ROUNDING_RULE}` })
  subtotal: string;
  discountTotal: string;
  netTotal: string;
  taxTotal: string;
  total: string;
  amountPaid: string;
  amountCredited: string;
  amountRefunded: string;
  /** total − amountPaid − amountCredited, never negative. */
  balance: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  sentAt: string | null;
  @ApiProperty({ nullable: true, type: [String] })
  sentTo: string[] | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  voidedAt: string | null;
  /** The organization's filing labels, by name; they may change in any status (they are not part of the document). */
  tags: TagSummaryResponse[];
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
  version: number;

  static from(invoice: InvoiceEntity, tags: readonly TagSummary[], today = todayUtc()): InvoiceResponse {
    const money = (amount: string): string => invoice.money(amount).toString();
    return {
      id: invoice.id,
      organizationId: invoice.organizationId,
      kind: invoice.kind,
      number: invoice.number,
      status: invoice.effectiveStatus(today),
      currency: invoice.currency,
      contactId: invoice.contactId,
      customerId: invoice.customerId,
      ownerId: invoice.ownerId,
      creditedInvoiceId: invoice.creditedInvoiceId,
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      paymentTermsDays: invoice.paymentTermsDays,
      notes: invoice.notes,
      terms: invoice.terms,
      pricesIncludeTax: invoice.pricesIncludeTax,
      discount: invoice.documentDiscount,
      items: invoice.items.map((item) => ({ ...item })),
      taxes: invoice.taxes.map((tax) => ({ ...tax })),
      subtotal: money(invoice.subtotal),
      discountTotal: money(invoice.discountTotal),
      netTotal: money(invoice.netTotal),
      taxTotal: money(invoice.taxTotal),
      total: money(invoice.total),
      amountPaid: money(invoice.amountPaid),
      amountCredited: money(invoice.amountCredited),
      amountRefunded: money(invoice.amountRefunded),
      balance: money(invoice.balance),
      sentAt: invoice.sentAt?.toISOString() ?? null,
      sentTo: invoice.sentTo,
      voidedAt: invoice.voidedAt?.toISOString() ?? null,
      tags: TagSummaryResponse.list(tags),
      createdAt: invoice.createdAt.toISOString(),
      updatedAt: invoice.updatedAt.toISOString(),
      version: invoice.version,
    };
  }
}

export class InvoicePaymentResponse {
  id: string;
  invoiceId: string;
  amount: string;
  currency: string;
  @ApiProperty({ format: 'date' })
  paidOn: string;
  method: string;
  @ApiProperty({ nullable: true, type: String })
  reference: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;

  static from(payment: InvoicePaymentEntity, text: (amount: string) => string): InvoicePaymentResponse {
    return {
      id: payment.id,
      invoiceId: payment.invoiceId,
      amount: text(payment.amount),
      currency: payment.currency,
      paidOn: payment.paidOn,
      method: payment.method,
      reference: payment.reference,
      createdAt: payment.createdAt.toISOString(),
    };
  }
}

/** Today's date in UTC, `YYYY-MM-DD`: what OVERDUE is judged against. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
