import type { Transaction } from '@clientele/core';
import { loadTagsByRecord, registerTagLink, TagEntity } from '../tags';

/**
 * Where an invoice's tags are linked. Tags are the organization's filing labels, not part of the
 * legal document, so they may change on a sent, paid or void invoice too (its figures may not).
 */
export const INVOICE_TAGS = registerTagLink({ table: 'invoice_tag', ownerColumn: 'invoice_id' });

/** The invoice's live tags' ids inside a command: what its snapshots list. */
export async function loadInvoiceTagIds(tx: Transaction, invoiceId: string): Promise<string[]> {
  const tags = (await loadTagsByRecord(tx.repository(TagEntity), INVOICE_TAGS, [invoiceId])).get(invoiceId) ?? [];
  return tags.map((tag) => tag.id);
}
