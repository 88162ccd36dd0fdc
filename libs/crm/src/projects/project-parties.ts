import { NotFoundError, type Transaction } from '@clientele/core';
import { CustomerEntity } from '../customers';
import { ContactEntity } from '../organization-contact';
import { PROJECT_CONTACTS } from './project-contacts';

/**
 * The customer must be a live customer of the project's organization: another organization's
 * or tenant's (or a deleted one) answers 404 naming `customerId`.
 */
export async function assertProjectCustomer(
  tx: Transaction,
  organizationId: string,
  customerId: string | null | undefined,
): Promise<void> {
  if (customerId != null) await tx.repository(CustomerEntity).findReferenced(customerId, organizationId, 'customerId');
}

/**
 * The live contacts of the project's organization `ids` name, in one statement: an id that is
 * no such contact (another organization's or tenant's, or deleted) is a 404 naming `contactIds`.
 * Returns the ids, lower-cased and without repeats.
 */
export async function findProjectContacts(
  tx: Transaction,
  organizationId: string,
  ids: readonly string[],
): Promise<string[]> {
  const wanted = [...new Set(ids.map((id) => id.toLowerCase()))];
  if (wanted.length === 0) return [];
  const found = await tx
    .repository(ContactEntity)
    .query('contact', 'visible')
    .select('contact.id')
    .andWhere('contact.organizationId = :projectOrganizationId', { projectOrganizationId: organizationId })
    .andWhere('contact.id = ANY(:projectContactIds::uuid[])', { projectContactIds: wanted })
    .getMany();
  const foundIds = new Set(found.map((contact) => contact.id));
  const missing = wanted.find((id) => !foundIds.has(id));
  if (missing !== undefined) throw new NotFoundError('CONTACT', missing, 'contactIds');
  return wanted;
}

/** The project's live contacts' ids (a deleted contact's link stays stored, for a restore, but is not counted). */
export async function loadProjectContactIds(tx: Transaction, projectId: string): Promise<string[]> {
  const contacts = await PROJECT_CONTACTS.load(tx.repository(ContactEntity), 'contact', [projectId], {
    'contact.name': 'ASC',
  });
  return (contacts.get(projectId) ?? []).map((contact) => contact.id);
}
