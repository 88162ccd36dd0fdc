import type { Transaction } from '@clientele/core';
import { CustomerEntity } from '../customers';
import { ContactEntity } from '../organization-contact';

/**
 * The contact and customer an invoice's body names must be live records of its organization:
 * another organization's or tenant's answers 404 naming the field.
 */
export async function assertInvoiceParties(
  tx: Transaction,
  organizationId: string,
  parties: { readonly contactId?: string | null; readonly customerId?: string | null },
): Promise<void> {
  if (parties.contactId != null) {
    await tx.repository(ContactEntity).findReferenced(parties.contactId, organizationId, 'contactId');
  }
  if (parties.customerId != null) {
    await tx.repository(CustomerEntity).findReferenced(parties.customerId, organizationId, 'customerId');
  }
}
