import { ValidationError } from '@clientele/core';
import type { ContactInput } from './contact-input';
import type { CreateOrganizationContactDto } from './dto/create-organization-contact.dto';
import type { UpdateOrganizationContactDto } from './dto/update-organization-contact.dto';

/** Gauzy's body is already in the contact table's terms; only the `[{ id }]` lists flatten. */
export function organizationContactInput(
  dto: CreateOrganizationContactDto | UpdateOrganizationContactDto,
  creating: boolean,
): ContactInput {
  const organizationId = dto.organizationId ?? dto.organization?.id;
  if (
    dto.organizationId !== undefined &&
    dto.organization !== undefined &&
    dto.organizationId.toLowerCase() !== dto.organization.id.toLowerCase()
  ) {
    throw ValidationError.field(
      'organization.id',
      'organization.id and organizationId name different organizations',
      'ORGANIZATION_MISMATCH',
    );
  }
  // `tenantId` / `tenant.id` were checked by the guard to be the caller's tenant: nothing to take.
  return {
    // On update the guard has already narrowed the request to this organization: a contact of
    // another one is then simply not found (404), never moved.
    organizationId: creating ? organizationId : undefined,
    name: dto.name,
    contactType: dto.contactType,
    primaryEmail: dto.primaryEmail,
    primaryPhone: dto.primaryPhone,
    imageUrl: dto.imageUrl,
    budget: dto.budget,
    budgetType: dto.budgetType,
    notes: dto.notes,
    firstName: dto.firstName,
    lastName: dto.lastName,
    jobTitle: dto.jobTitle,
    status: dto.status,
    customerId: dto.customerId,
    ownerId: dto.ownerId,
    marketingOptOut: dto.marketingOptOut,
    isActive: dto.isActive,
    memberIds: dto.members === undefined ? undefined : (dto.members ?? []).map((member) => member.id),
    tagIds: dto.tags === undefined ? undefined : (dto.tags ?? []).map((tag) => tag.id),
    tagsField: 'tags',
  };
}
