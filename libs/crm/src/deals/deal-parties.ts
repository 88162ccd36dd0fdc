import { findOrganizationMembers, type Transaction } from '@clientele/core';
import { CustomerEntity } from '../customers';
import { ContactEntity } from '../organization-contact';

/** The parties a deal's body names, each checked in the deal's organization. */
export interface DealParties {
  readonly ownerId?: string | null;
  readonly contactId?: string | null;
  readonly customerId?: string | null;
}

/**
 * The records a deal's body names must be live records of the deal's organization (the owner a
 * member of it): another organization's or tenant's contact, customer or user answers 404 naming
 * the field, as the record itself would.
 */
export async function assertDealParties(tx: Transaction, organizationId: string, parties: DealParties): Promise<void> {
  const { ownerId, contactId, customerId } = parties;
  if (ownerId != null) await findOrganizationMembers(tx, organizationId, [ownerId], 'ownerId');
  if (contactId != null) await tx.repository(ContactEntity).findReferenced(contactId, organizationId, 'contactId');
  if (customerId != null) await tx.repository(CustomerEntity).findReferenced(customerId, organizationId, 'customerId');
}
