import { requestedTagIds } from '../tags';
import type { ContactInput } from './contact-input';
import type { CreateCrmContactDto } from './dto/create-crm-contact.dto';
import type { UpdateCrmContactDto } from './dto/update-crm-contact.dto';

/** The portal's body in the contact table's terms: `email` → `primaryEmail`, `kind` → `contactType`. */
export function crmContactInput(dto: CreateCrmContactDto | UpdateCrmContactDto): ContactInput {
  const tags = requestedTagIds(dto);
  return {
    organizationId: 'organizationId' in dto ? dto.organizationId : undefined,
    firstName: dto.firstName,
    lastName: dto.lastName,
    primaryEmail: dto.email,
    primaryPhone: dto.phone,
    jobTitle: dto.jobTitle,
    contactType: dto.kind,
    status: dto.status,
    customerId: dto.customerId,
    customerName: dto.customerName,
    marketingOptOut: dto.marketingOptOut,
    isActive: dto.isActive,
    ownerId: dto.ownerId,
    tagIds: tags?.ids,
    tagsField: tags?.field,
  };
}
