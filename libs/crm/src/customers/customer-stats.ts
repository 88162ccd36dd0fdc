import type { CustomerColumnValues } from './customer-columns';

export const CONTRACT_STATUSES = ['ACTIVE', 'EXPIRING', 'EXPIRED', 'NONE'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** The figures a customer row carries beyond its own columns: its contacts, and the registered columns. */
export interface CustomerStats extends CustomerColumnValues {
  readonly contactCount: number;
}

/**
 * The number of live contacts of the customer, a column of the customer's own statement (one
 * probe of `contact_customer_idx` per row). `alias` is the customer's alias in the query.
 */
export function contactCountSql(alias: string): string {
  return `(SELECT count(*)::int FROM contact stats_contact
            WHERE stats_contact.tenant_id = "${alias}".tenant_id AND stats_contact.customer_id = "${alias}".id
              AND stats_contact.deleted_at IS NULL)`;
}
