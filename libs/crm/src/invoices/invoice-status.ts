import { defineStateMachine } from '@clientele/core';

/** Stored statuses; OVERDUE is derived (see `effectiveInvoiceStatus`), ISSUED is a credit note's. */
export const INVOICE_STORED_STATUSES = ['DRAFT', 'SENT', 'PARTIALLY_PAID', 'PAID', 'VOID', 'ISSUED'] as const;
export type InvoiceStoredStatus = (typeof INVOICE_STORED_STATUSES)[number];

/** What lists filter by and responses show: the stored status, or OVERDUE when past due with a balance. */
export const INVOICE_STATUSES = [...INVOICE_STORED_STATUSES, 'OVERDUE'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const INVOICE_KINDS = ['INVOICE', 'CREDIT_NOTE'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

/**
 * DRAFT → SENT (numbered) → PARTIALLY_PAID → PAID as the balance falls; a deleted payment moves
 * it back; VOID only from SENT with nothing paid or credited (a draft is deleted instead). A
 * credit note is ISSUED when made, and final.
 */
export const INVOICE_STATUS = defineStateMachine({
  entity: 'INVOICE',
  states: INVOICE_STORED_STATUSES,
  transitions: {
    DRAFT: ['SENT'],
    SENT: ['PARTIALLY_PAID', 'PAID', 'VOID'],
    PARTIALLY_PAID: ['PAID', 'SENT'],
    PAID: ['PARTIALLY_PAID', 'SENT'],
  },
});

/** The statuses where money is still owed and OVERDUE may apply. */
export const OPEN_INVOICE_STATUSES: readonly InvoiceStoredStatus[] = ['SENT', 'PARTIALLY_PAID'];
