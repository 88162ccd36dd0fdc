import { NotFoundError, Permission, type Transaction, ValidationError } from '@clientele/core';
import { InvoiceEntity, type InvoiceItemInput, type StoredInvoiceItem } from './entities/invoice.entity';
import { InvoiceUpdated, invoiceSnapshot, recordInvoiceChange } from './events/invoice.events';
import { MAX_INVOICE_ITEMS } from './invoice-amount';
import { composeDraft } from './invoice-draft';
import { loadInvoiceTagIds } from './invoice-tags';

/** The lines after a change, and which of them the body sent (its fields are named bare in a 400). */
export interface ItemsChange {
  readonly items: readonly InvoiceItemInput[];
  readonly sentIndex?: number;
}

/**
 * One change of a draft's lines through `…/items`: the invoice locked (and `If-Match` checked), the
 * edit grant checked against its owner, DRAFT only (409 `INVOICE_NOT_DRAFT`, as PATCH of the
 * invoice), then the same `composeDraft` as inline lines recomputes every figure, and
 * `invoice.updated` records it.
 */
export async function changeDraftItems(
  tx: Transaction,
  invoiceId: string,
  change: (items: readonly StoredInvoiceItem[]) => ItemsChange,
): Promise<InvoiceEntity> {
  const invoices = tx.repository(InvoiceEntity);
  const invoice = await invoices.findOneForUpdate(invoiceId);
  tx.scope.assertCanEdit(
    invoice.organizationId,
    invoice.ownerId,
    Permission.ORG_INVOICE_EDIT,
    Permission.ORG_INVOICE_EDIT_OWN,
  );
  invoice.assertDraft();
  const tagIds = await loadInvoiceTagIds(tx, invoice.id);
  const before = invoiceSnapshot(invoice, tagIds);
  const { items, sentIndex } = change(invoice.items);
  if (items.length > MAX_INVOICE_ITEMS) {
    throw ValidationError.field('items', `an invoice has at most ${MAX_INVOICE_ITEMS} lines`, 'INVOICE_TOO_MANY_ITEMS');
  }
  composeDraft(invoice, { items }, (index) => (index === sentIndex ? '' : `items.${index}`));
  const saved = await invoices.save(invoice);
  await recordInvoiceChange(tx, InvoiceUpdated, saved, { before, after: invoiceSnapshot(saved, tagIds) });
  return saved;
}

/** Line `itemId` and its position (404 `INVOICE_ITEM_NOT_FOUND` when the invoice has none such). */
export function findItem(
  items: readonly StoredInvoiceItem[],
  itemId: string,
): { index: number; item: StoredInvoiceItem } {
  const index = items.findIndex((item) => item.id === itemId.toLowerCase());
  const item = items[index];
  if (item === undefined) throw new NotFoundError('INVOICE_ITEM', itemId);
  return { index, item };
}
