import {
  defineEvent,
  EventVisibilities,
  type Infer,
  ORGANIZATION_RECORD_FIELDS,
  organizationRecordSnapshot,
  Permission,
  schema,
  type Transaction,
} from '@clientele/core';
import type { InvoicePaymentEntity } from '../entities/invoice-payment.entity';
import type { InvoiceEntity } from '../entities/invoice.entity';
import { INVOICE_KINDS, INVOICE_STORED_STATUSES } from '../invoice-status';

const ITEM = schema.object({
  id: schema.uuid(),
  description: schema.string(),
  productCode: schema.nullable(schema.string()),
  quantity: schema.decimal(),
  unitPrice: schema.decimal(),
  taxRate: schema.decimal(),
  net: schema.decimal(),
  tax: schema.decimal(),
  gross: schema.decimal(),
});

/**
 * An invoice as audit entries and events carry it: the same stored figures every screen shows,
 * and its tags' ids (version 2 of every invoice event added `tagIds`).
 */
export const INVOICE_SNAPSHOT = schema.object({
  ...ORGANIZATION_RECORD_FIELDS,
  kind: schema.enum(...INVOICE_KINDS),
  number: schema.nullable(schema.string()),
  status: schema.enum(...INVOICE_STORED_STATUSES),
  currency: schema.string(),
  contactId: schema.nullable(schema.uuid()),
  customerId: schema.nullable(schema.uuid()),
  ownerId: schema.nullable(schema.uuid()),
  creditedInvoiceId: schema.nullable(schema.uuid()),
  issueDate: schema.string(),
  dueDate: schema.nullable(schema.string()),
  pricesIncludeTax: schema.boolean(),
  items: schema.array(ITEM),
  subtotal: schema.decimal(),
  discountTotal: schema.decimal(),
  netTotal: schema.decimal(),
  taxTotal: schema.decimal(),
  total: schema.decimal(),
  amountPaid: schema.decimal(),
  amountCredited: schema.decimal(),
  amountRefunded: schema.decimal(),
  balance: schema.decimal(),
  sentTo: schema.nullable(schema.array(schema.string())),
  tagIds: schema.array(schema.uuid()),
});
export type InvoiceSnapshot = Infer<typeof INVOICE_SNAPSHOT>;

/** `tagIds`: the invoice's live tags (`loadInvoiceTagIds`), sorted here. */
export function invoiceSnapshot(invoice: InvoiceEntity, tagIds: readonly string[]): InvoiceSnapshot {
  return {
    ...organizationRecordSnapshot(invoice),
    kind: invoice.kind,
    number: invoice.number ?? null,
    status: invoice.status,
    currency: invoice.currency,
    contactId: invoice.contactId ?? null,
    customerId: invoice.customerId ?? null,
    ownerId: invoice.ownerId ?? null,
    creditedInvoiceId: invoice.creditedInvoiceId ?? null,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate ?? null,
    pricesIncludeTax: invoice.pricesIncludeTax,
    items: invoice.items.map((item) => ({
      id: item.id,
      description: item.description,
      productCode: item.productCode,
      quantity: item.quantity,
      unitPrice: item.unitPrice,
      taxRate: item.taxRate,
      net: item.net,
      tax: item.tax,
      gross: item.gross,
    })),
    subtotal: invoice.money(invoice.subtotal).toString(),
    discountTotal: invoice.money(invoice.discountTotal).toString(),
    netTotal: invoice.money(invoice.netTotal).toString(),
    taxTotal: invoice.money(invoice.taxTotal).toString(),
    total: invoice.money(invoice.total).toString(),
    amountPaid: invoice.money(invoice.amountPaid).toString(),
    amountCredited: invoice.money(invoice.amountCredited).toString(),
    amountRefunded: invoice.money(invoice.amountRefunded).toString(),
    balance: invoice.money(invoice.balance).toString(),
    sentTo: invoice.sentTo ?? null,
    tagIds: [...tagIds].sort(),
  };
}

export const PAYMENT_SNAPSHOT = schema.object({
  ...ORGANIZATION_RECORD_FIELDS,
  invoiceId: schema.uuid(),
  amount: schema.decimal(),
  currency: schema.string(),
  paidOn: schema.string(),
  method: schema.string(),
  reference: schema.nullable(schema.string()),
});
export type PaymentSnapshot = Infer<typeof PAYMENT_SNAPSHOT>;

export function paymentSnapshot(payment: InvoicePaymentEntity): PaymentSnapshot {
  return {
    ...organizationRecordSnapshot(payment),
    invoiceId: payment.invoiceId,
    amount: payment.amount,
    currency: payment.currency,
    paidOn: payment.paidOn,
    method: payment.method,
    reference: payment.reference ?? null,
  };
}

export const InvoiceCreated = defineEvent('invoice.created', 2, INVOICE_SNAPSHOT);
export const InvoiceUpdated = defineEvent('invoice.updated', 2, INVOICE_SNAPSHOT);
export const InvoiceDeleted = defineEvent('invoice.deleted', 2, INVOICE_SNAPSHOT);
export const InvoiceSent = defineEvent('invoice.sent', 2, INVOICE_SNAPSHOT);
export const InvoiceVoided = defineEvent('invoice.voided', 2, INVOICE_SNAPSHOT);
/** The invoice's balance reached zero (a payment or a credit note paid it off). */
export const InvoicePaid = defineEvent('invoice.paid', 2, INVOICE_SNAPSHOT);
/** Carries the invoice after the payment; the payment is `invoice.payment_recorded`'s entity. */
export const InvoicePaymentRecorded = defineEvent('invoice.payment_recorded', 1, PAYMENT_SNAPSHOT, {
  entity: 'invoice_payment',
});
export const InvoicePaymentDeleted = defineEvent('invoice.payment_deleted', 1, PAYMENT_SNAPSHOT, {
  entity: 'invoice_payment',
});
export const CreditNoteIssued = defineEvent('credit_note.issued', 2, INVOICE_SNAPSHOT);

EventVisibilities.register({ key: 'invoice', grant: Permission.ORG_INVOICE_VIEW });
EventVisibilities.register({ key: 'invoice_payment', grant: Permission.ORG_INVOICE_VIEW });
EventVisibilities.register({ key: 'credit_note', grant: Permission.ORG_INVOICE_VIEW });

/** Publishes `event` about `invoice` with its snapshots. */
export async function recordInvoiceChange(
  tx: Transaction,
  event: typeof InvoiceCreated,
  invoice: InvoiceEntity,
  change: { before?: InvoiceSnapshot; after?: InvoiceSnapshot },
): Promise<void> {
  await tx.publish(event, { entityId: invoice.id, organizationId: invoice.organizationId, ...change });
}
