export const CONTRACT_STATUSES = ['ACTIVE', 'EXPIRING', 'EXPIRED', 'NONE'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** The figures a customer row carries beyond its own columns. */
export interface CustomerStats {
  readonly contactCount: number;
  readonly openTicketCount: number;
  readonly contractStatus: ContractStatus;
  readonly billingSummary: string | null;
}

/**
 * What a customer reports while the tickets, contracts and billing modules do not exist: no
 * open tickets, no contract, no billing. Each of those modules replaces its part here (with a
 * column like `contactCountSql`, and in the export's columns) when it lands.
 */
export const NO_TICKETS_CONTRACTS_OR_BILLING: Omit<CustomerStats, 'contactCount'> = {
  openTicketCount: 0,
  contractStatus: 'NONE',
  billingSummary: null,
};

/**
 * The number of live contacts of the customer, a column of the customer's own statement (one
 * probe of `contact_customer_idx` per row). `alias` is the customer's alias in the query.
 */
export function contactCountSql(alias: string): string {
  return `(SELECT count(*)::int FROM contact stats_contact
            WHERE stats_contact.tenant_id = "${alias}".tenant_id AND stats_contact.customer_id = "${alias}".id
              AND stats_contact.deleted_at IS NULL)`;
}
