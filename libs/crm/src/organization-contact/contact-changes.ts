import {
  findOrganizationMembers,
  ForbiddenError,
  type OrganizationEntity,
  Permission,
  type Transaction,
  ValidationError,
} from '@clientele/core';
import { CustomerEntity, findOrCreateCustomerByName } from '../customers';
import { findOrganizationTags } from '../tags';
import { assertCanAssignOwner } from '../record-ownership';
import type { ContactInput } from './contact-input';
import { assertContactEmailFree } from './contact-email';
import type { ContactEntity } from './entities/contact.entity';

/**
 * Applies a create or change to a contact — one place for both API surfaces. The contact's own
 * rules (name, status, e-mail and budget forms) are its own (`ContactEntity.applyDetails`,
 * `changeEmail`); this adds what needs the database, in this order: the e-mail free in the
 * organization, owner and members from the organization, tags of the organization, the
 * customer by id or by name. `current` is the contact before the change, undefined on create.
 */
export async function applyContactInput(
  tx: Transaction,
  organization: OrganizationEntity,
  contact: ContactEntity,
  input: ContactInput,
  current?: ContactEntity,
): Promise<void> {
  const organizationId = organization.id;
  const stage = current === undefined ? 'create' : 'update';
  contact.applyDetails(input, organization.contactStatuses, stage);
  const newEmail = contact.changeEmail(input.primaryEmail, stage);
  if (newEmail !== null) await assertContactEmailFree(tx, organizationId, newEmail, current?.id);

  if (input.ownerId !== undefined) {
    assertCanAssignOwner(tx.scope, organizationId, input.ownerId, Permission.ORG_CONTACT_EDIT);
    if (input.ownerId !== null) await findOrganizationMembers(tx, organizationId, [input.ownerId], 'ownerId');
    contact.assignOwner(input.ownerId);
  }
  if (input.memberIds !== undefined) {
    contact.members = await findOrganizationMembers(tx, organizationId, input.memberIds, 'members');
  }
  if (input.tagIds !== undefined) {
    contact.tags = await findOrganizationTags(tx, organizationId, input.tagIds, input.tagsField ?? 'tags');
  }
  await applyCustomer(tx, organizationId, contact, input);
}

async function applyCustomer(
  tx: Transaction,
  organizationId: string,
  contact: ContactEntity,
  input: ContactInput,
): Promise<void> {
  if (input.customerName !== undefined && input.customerId !== undefined && input.customerId !== null) {
    throw ValidationError.field('customerName', 'send either customerId or customerName, not both');
  }
  if (input.customerId !== undefined) {
    contact.customerId =
      input.customerId === null
        ? null
        : (await tx.repository(CustomerEntity).findReferenced(input.customerId, organizationId, 'customerId')).id;
  }
  if (input.customerName !== undefined) {
    const mayCreate = tx.scope.isGranted(organizationId, [Permission.ORG_CONTACT_EDIT]);
    const customer = await findOrCreateCustomerByName(tx, organizationId, input.customerName, mayCreate);
    if (customer === null) {
      throw new ForbiddenError('Your role cannot create customers: name an existing one, or send customerId.');
    }
    contact.customerId = customer.id;
  }
}
