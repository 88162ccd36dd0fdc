import type { ScopedRepository } from '@clientele/core';
// The entity file, not the contact room's index: that room depends on this one, and going
// through its index would close an import loop through the two modules.
import type { ContactEntity } from '../organization-contact/entities/contact.entity';

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
 * open tickets, no contract, no billing. Each of those modules replaces its part here (in the
 * grouped query below and in the export's columns) when it lands.
 */
export const NO_TICKETS_CONTRACTS_OR_BILLING: Omit<CustomerStats, 'contactCount'> = {
  openTicketCount: 0,
  contractStatus: 'NONE',
  billingSummary: null,
};

/** The stats of a page of customers in one grouped query, never one per row. */
export async function loadCustomerStats(
  contacts: ScopedRepository<ContactEntity>,
  customerIds: readonly string[],
): Promise<Map<string, CustomerStats>> {
  const counts =
    customerIds.length === 0
      ? []
      : await contacts
          .query('contact', 'visible')
          .select('contact.customerId', 'customerId')
          .addSelect('count(*)::int', 'contactCount')
          .andWhere('contact.customerId = ANY(:customerIds)', { customerIds: [...customerIds] })
          .groupBy('contact.customerId')
          .getRawMany<{ customerId: string; contactCount: number }>();
  const byCustomer = new Map(counts.map((row) => [row.customerId, row.contactCount]));
  return new Map(
    customerIds.map((id) => [id, { contactCount: byCustomer.get(id) ?? 0, ...NO_TICKETS_CONTRACTS_OR_BILLING }]),
  );
}
