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
import { storedBudget } from './budget';
import type { ContactInput } from './contact-input';
import { assertContactEmailFree } from './contact-email';
import { nextContactName } from './contact-name';
import { resolveContactStatus } from './contact-status';
import type { ContactEntity } from './entities/contact.entity';

/**
 * Applies a create or change to a contact with every rule of DESIGN §1–§2 — one place for
 * both API surfaces: name composition, the organization's statuses, e-mail uniqueness,
 * owner and members from the organization, tags of the organization, the customer by id or by
 * name. `current` is the contact before the change, undefined on create.
 */
export async function applyContactInput(
  tx: Transaction,
  organization: OrganizationEntity,
  contact: ContactEntity,
  input: ContactInput,
  current?: ContactEntity,
): Promise<void> {
  const organizationId = organization.id;
  contact.name = nextContactName(current, input);
  if (input.firstName !== undefined) contact.firstName = input.firstName;
  if (input.lastName !== undefined) contact.lastName = input.lastName;
  if (input.jobTitle !== undefined) contact.jobTitle = input.jobTitle;
  if (input.primaryPhone !== undefined) contact.primaryPhone = input.primaryPhone;
  if (input.contactType !== undefined) contact.contactType = input.contactType;
  if (input.imageUrl !== undefined) contact.imageUrl = input.imageUrl;
  if (input.budget !== undefined) contact.budget = input.budget === null ? null : storedBudget(input.budget);
  if (input.budgetType !== undefined) contact.budgetType = input.budgetType;
  if (input.notes !== undefined) contact.notes = input.notes;
  if (input.marketingOptOut !== undefined) contact.marketingOptOut = input.marketingOptOut;
  if (input.isActive !== undefined) contact.isActive = input.isActive;
  if (input.status !== undefined) {
    contact.status = input.status === null ? null : resolveContactStatus(organization.contactStatuses, input.status);
  }

  if (input.primaryEmail !== undefined) {
    const email = input.primaryEmail?.trim().toLowerCase() ?? null;
    if (email !== null && email !== current?.primaryEmail?.toLowerCase()) {
      await assertContactEmailFree(tx, organizationId, email, current?.id);
    }
    contact.primaryEmail = email;
  }

  if (input.ownerId !== undefined) {
    assertCanAssignOwner(tx.scope, organizationId, input.ownerId, Permission.ORG_CONTACT_EDIT);
    if (input.ownerId !== null) await findOrganizationMembers(tx, organizationId, [input.ownerId], 'ownerId');
    contact.ownerId = input.ownerId?.toLowerCase() ?? null;
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
      input.customerId === null ? null : (await findCustomer(tx, organizationId, input.customerId)).id;
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

async function findCustomer(tx: Transaction, organizationId: string, customerId: string): Promise<CustomerEntity> {
  const customer = await tx
    .repository(CustomerEntity)
    .query('customer', 'visible')
    .andWhere('customer.organizationId = :organizationId', { organizationId })
    .andWhere('customer.id = :customerId', { customerId })
    .getOne();
  if (customer === null)
    throw ValidationError.field('customerId', `customerId: no customer ${customerId} in the organization`);
  return customer;
}
