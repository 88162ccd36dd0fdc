import { type ScopedReader, UserEntity } from '@clientele/core';
import { CustomerEntity } from '../customers';
import { loadTagsByRecord, TagEntity } from '../tags';
import { CONTACT_TAGS } from './contact-tags';
import type { ContactEntity } from './entities/contact.entity';

/** Relations a contact response may carry (Gauzy's `relations[]`). */
export const CONTACT_RELATIONS = ['tags', 'members', 'customer'] as const;
export type ContactRelation = (typeof CONTACT_RELATIONS)[number];

/** A portal contact (list row or detail) shows its company and tags. */
export const PORTAL_CONTACT_RELATIONS: readonly ContactRelation[] = ['customer', 'tags'];

/** A reader or a transaction: both hand out scoped repositories. */
type Repositories = Pick<ScopedReader, 'repository'>;

/**
 * Loads the asked relations onto a page of contacts: one query per relation for the whole page
 * (never per row), and never a join inside the paged query, where it would break `LIMIT`.
 */
export async function loadContactRelations(
  repositories: Repositories,
  contacts: readonly ContactEntity[],
  relations: readonly ContactRelation[],
): Promise<void> {
  if (contacts.length === 0) return;
  const ids = contacts.map((contact) => contact.id);
  // One after the other: a request holds one pooled connection at a time.
  const tags = relations.includes('tags')
    ? await loadTagsByRecord(repositories.repository(TagEntity), CONTACT_TAGS, ids)
    : undefined;
  const members = relations.includes('members') ? await loadMembers(repositories, ids) : undefined;
  const customers = relations.includes('customer') ? await loadCustomers(repositories, contacts) : undefined;
  for (const contact of contacts) {
    if (tags !== undefined) contact.tags = tags.get(contact.id) ?? [];
    if (members !== undefined) contact.members = members.get(contact.id) ?? [];
    if (customers !== undefined) {
      contact.customer = contact.customerId === null ? null : (customers.get(contact.customerId) ?? null);
    }
  }
}

async function loadMembers(
  repositories: Repositories,
  contactIds: readonly string[],
): Promise<Map<string, UserEntity[]>> {
  const { entities, raw } = await repositories
    .repository(UserEntity)
    .query('member', 'visible')
    .innerJoin('contact_member', 'member_link', 'member_link.user_id = member.id')
    .addSelect('member_link.contact_id', 'member_link_contact_id')
    .andWhere('member_link.contact_id = ANY(:memberContactIds)', { memberContactIds: [...contactIds] })
    .orderBy('member.firstName', 'ASC')
    .addOrderBy('member.lastName', 'ASC')
    .addOrderBy('member.id', 'ASC')
    .getRawAndEntities<{ member_id: string; member_link_contact_id: string }>();
  const byId = new Map(entities.map((user) => [user.id, user]));
  const byContact = new Map<string, UserEntity[]>();
  for (const row of raw) {
    const user = byId.get(row.member_id);
    if (user === undefined) continue;
    byContact.set(row.member_link_contact_id, [...(byContact.get(row.member_link_contact_id) ?? []), user]);
  }
  return byContact;
}

async function loadCustomers(
  repositories: Repositories,
  contacts: readonly ContactEntity[],
): Promise<Map<string, CustomerEntity>> {
  const customerIds = [...new Set(contacts.flatMap((contact) => contact.customerId ?? []))];
  if (customerIds.length === 0) return new Map();
  const customers = await repositories
    .repository(CustomerEntity)
    .query('customer', 'visible')
    .andWhere('customer.id = ANY(:contactCustomerIds)', { contactCustomerIds: customerIds })
    .getMany();
  return new Map(customers.map((customer) => [customer.id, customer]));
}
