import type { InvoiceKind } from './invoice-status';

/** The prefix of credit notes' numbers; invoices take the organization's `invoicePrefix`. */
export const CREDIT_NOTE_PREFIX = 'CN';

/** `INV-2026-00042`: prefix, year, the sequence number zero-padded to five digits (more when it grows). */
export function formatDocumentNumber(prefix: string, year: number, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1)
    throw new Error(`a document number starts at 1, not ${sequence}`);
  return `${prefix}-${year}-${String(sequence).padStart(5, '0')}`;
}

export function documentPrefix(kind: InvoiceKind, invoicePrefix: string): string {
  return kind === 'CREDIT_NOTE' ? CREDIT_NOTE_PREFIX : invoicePrefix;
}
