import { Registry, type RegistryEntry, type ScopedReader } from '@clientele/core';
import type { ContactRow } from './contact-relations';

/** One module's part of `GET crm/contacts/:id` (open deals, activities, notes, tickets, …). */
export interface ContactDetailSection extends RegistryEntry {
  /** Shown on the section's field of the response in the OpenAPI document. */
  readonly description: string;
  /** The section's items, read in the request's scope through `reader` like any query. */
  load(reader: ScopedReader, contact: ContactRow): Promise<readonly object[]>;
}

/** Each registered section's items, under its key, in the registry's order. */
export type ContactDetailSectionItems = Readonly<Record<string, readonly object[]>>;

/**
 * The extension point of the contact detail view: a module owning records of a contact
 * registers its section from its own files (`ContactDetailSections.register({ key: 'openDeals', … })`);
 * until deals, activities, notes and tickets exist, `placeholders/` registers empty ones.
 */
export const ContactDetailSections = new Registry<ContactDetailSection>('contact detail section');

/** Every section's items for `contact`, one section after the other (a request holds one connection). */
export async function loadContactDetailSections(
  reader: ScopedReader,
  contact: ContactRow,
): Promise<ContactDetailSectionItems> {
  const items: Record<string, readonly object[]> = {};
  for (const section of ContactDetailSections.list()) items[section.key] = await section.load(reader, contact);
  return items;
}
