import { findOrganizationMembers, NotFoundError, type Transaction, ValidationError } from '@clientele/core';
import { CustomerEntity } from '../customers';
import { ContactEntity } from '../organization-contact';

/**
 * The records a deal's body names must be live records of the deal's organization: another
 * organization's or tenant's contact, customer or user answers 404, as the record itself would.
 */
export async function assertDealContact(tx: Transaction, organizationId: string, contactId: string): Promise<void> {
  const contact = await tx
    .repository(ContactEntity)
    .query('contact', 'visible')
    .andWhere('contact.organizationId = :organizationId', { organizationId })
    .andWhere('contact.id = :contactId', { contactId })
    .getOne();
  if (contact === null) throw new NotFoundError('CONTACT', contactId);
}

export async function assertDealCustomer(tx: Transaction, organizationId: string, customerId: string): Promise<void> {
  const customer = await tx
    .repository(CustomerEntity)
    .query('customer', 'visible')
    .andWhere('customer.organizationId = :organizationId', { organizationId })
    .andWhere('customer.id = :customerId', { customerId })
    .getOne();
  if (customer === null) throw new NotFoundError('CUSTOMER', customerId);
}

/** The owner must be a member of the organization; anyone else is a 404 `USER_NOT_FOUND`. */
export async function assertDealOwner(tx: Transaction, organizationId: string, ownerId: string): Promise<void> {
  try {
    await findOrganizationMembers(tx, organizationId, [ownerId], 'ownerId');
  } catch (error) {
    if (error instanceof ValidationError) throw new NotFoundError('USER', ownerId);
    throw error;
  }
}
