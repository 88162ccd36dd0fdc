import { Injectable } from '@nestjs/common';
import type { ContactRow } from './contact-relations';

/** The parts of `GET crm/contacts/:id` that other modules own. */
export const CONTACT_DETAIL_SECTION_KEYS = ['openDeals', 'recentActivities', 'notes', 'tickets'] as const;
export type ContactDetailSectionKey = (typeof CONTACT_DETAIL_SECTION_KEYS)[number];
export type ContactDetailSectionItems = Record<ContactDetailSectionKey, readonly object[]>;

/** One module's part of the contact detail, read from its own table. */
export interface ContactDetailSection {
  readonly key: ContactDetailSectionKey;
  /** Runs in the request's scope; read through `ScopedReader` like any query. */
  load(contact: ContactRow): Promise<readonly object[]>;
}

/**
 * The extension point of the contact detail view: until the deals, activities, notes and
 * tickets modules exist their sections are empty arrays; each of those modules imports
 * `OrganizationContactModule` and, in `onModuleInit`, calls `register({ key: 'openDeals', load })`.
 */
@Injectable()
export class ContactDetailSections {
  private readonly sections = new Map<ContactDetailSectionKey, ContactDetailSection>();

  register(section: ContactDetailSection): void {
    if (this.sections.has(section.key)) throw new Error(`contact detail section ${section.key} is registered twice`);
    this.sections.set(section.key, section);
  }

  async load(contact: ContactRow): Promise<ContactDetailSectionItems> {
    const load = async (key: ContactDetailSectionKey): Promise<readonly object[]> =>
      (await this.sections.get(key)?.load(contact)) ?? [];
    // One after the other: a request holds one pooled connection at a time.
    return {
      openDeals: await load('openDeals'),
      recentActivities: await load('recentActivities'),
      notes: await load('notes'),
      tickets: await load('tickets'),
    };
  }
}
