import { documentRegistry } from '@clientele/core';
import type { ContactDetail } from '../contact-detail';
import { ContactDetailSections } from '../contact-detail-sections';
import { CrmContactResponse } from './crm-contact.response';

/**
 * `GET crm/contacts/:id`: the contact, its customer, and one field per registered detail
 * section (open deals, recent activity, notes, tickets), documented by `describeContactDetail`.
 */
export class CrmContactDetailResponse extends CrmContactResponse {
  static fromDetail({ contact, sections }: ContactDetail): CrmContactDetailResponse {
    const response: CrmContactDetailResponse & Record<string, unknown> = { ...CrmContactResponse.from(contact) };
    for (const key of ContactDetailSections.keys()) response[key] = [...(sections[key] ?? [])];
    return response;
  }
}

/** Documents one field per registered section (the contacts module calls it once the app is up). */
export function describeContactDetail(): void {
  documentRegistry(CrmContactDetailResponse, ContactDetailSections, (section) => ({
    type: 'array',
    items: { type: 'object' },
    description: section.description,
  }));
}
