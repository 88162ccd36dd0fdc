import type { Transaction } from '@clientele/core';
import { CustomerEntity } from '../customers';
import { DealEntity } from '../deals';
import { ContactEntity } from '../organization-contact';

/** What an activity body may point at. */
export interface ActivityReferences {
  readonly contactIds?: readonly string[];
  readonly dealId?: string | null;
  readonly customerId?: string | null;
}

/** The contacts, deal and customer a body names must be live records of the activity's organization (else 404 naming the field). */
export async function assertActivityReferences(
  tx: Transaction,
  organizationId: string,
  { contactIds, dealId, customerId }: ActivityReferences,
): Promise<void> {
  const contacts = tx.repository(ContactEntity);
  for (const contactId of distinctIds(contactIds ?? []))
    await contacts.findReferenced(contactId, organizationId, 'contactIds');
  if (dealId != null) await tx.repository(DealEntity).findReferenced(dealId, organizationId, 'dealId');
  if (customerId != null) await tx.repository(CustomerEntity).findReferenced(customerId, organizationId, 'customerId');
}

/** Lower-cased and without repeats: how link ids are stored and compared. */
export function distinctIds(ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => id.toLowerCase()))].sort();
}
