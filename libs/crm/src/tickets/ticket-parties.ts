import { findOrganizationMembers, type Transaction } from '@clientele/core';
import { CustomerEntity } from '../customers';

/** The parties a ticket's body names, each checked in the ticket's organization. */
export interface TicketParties {
  readonly assigneeId?: string | null;
  readonly customerId?: string | null;
}

/**
 * The assignee must be a member of the ticket's organization and the customer a live customer
 * of it: another organization's or tenant's answers 404 naming the field.
 */
export async function assertTicketParties(
  tx: Transaction,
  organizationId: string,
  { assigneeId, customerId }: TicketParties,
): Promise<void> {
  if (assigneeId != null) await findOrganizationMembers(tx, organizationId, [assigneeId], 'assigneeId');
  if (customerId != null) await tx.repository(CustomerEntity).findReferenced(customerId, organizationId, 'customerId');
}
