import { organizationRecordSnapshot } from '@clientele/core';
import type { ContactEntity } from './entities/contact.entity';
import type { ContactSnapshot } from './events/contact.events';

/** What audit entries and events carry for a contact: its columns, tag ids and member ids. */
export function contactSnapshot(contact: ContactEntity): ContactSnapshot {
  return {
    ...organizationRecordSnapshot(contact),
    name: contact.name,
    firstName: contact.firstName ?? null,
    lastName: contact.lastName ?? null,
    primaryEmail: contact.primaryEmail ?? null,
    primaryPhone: contact.primaryPhone ?? null,
    jobTitle: contact.jobTitle ?? null,
    contactType: contact.contactType,
    status: contact.status ?? null,
    customerId: contact.customerId ?? null,
    ownerId: contact.ownerId ?? null,
    imageUrl: contact.imageUrl ?? null,
    budget: contact.budget ?? null,
    budgetType: contact.budgetType ?? null,
    notes: contact.notes ?? null,
    marketingOptOut: contact.marketingOptOut,
    isActive: contact.isActive,
    tagIds: (contact.tags ?? []).map((tag) => tag.id).sort(),
    memberIds: (contact.members ?? []).map((member) => member.id).sort(),
  };
}
