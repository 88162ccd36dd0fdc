import { type RawRow, type ScopedReader, type Transaction, UserEntity } from '@clientele/core';
import type { SelectQueryBuilder } from 'typeorm';
import { type CustomerSummary, customerSummarySql } from '../customers';
import { loadTagsByRecord, TagEntity, type TagSummary, tagSummariesSql } from '../tags';
import type { ContactInput } from './contact-input';
import { CONTACT_MEMBERS } from './contact-members';
import { CONTACT_TAGS } from './contact-tags';
import { ContactEntity } from './entities/contact.entity';

/** Relations a contact response may carry (Gauzy's `relations[]`). */
export const CONTACT_RELATIONS = ['tags', 'members', 'customer'] as const;
export type ContactRelation = (typeof CONTACT_RELATIONS)[number];

/** A portal contact (list row or detail) shows its company and tags. */
export const PORTAL_CONTACT_RELATIONS: readonly ContactRelation[] = ['customer', 'tags'];

/**
 * The columns a portal contact shows (`CrmContactResponse`). A portal list reads only these:
 * the eight others (tenant, audit columns, image, budget, notes) made PostgreSQL's part of a
 * page a fifth dearer, for values the response drops.
 */
export const PORTAL_CONTACT_COLUMNS = [
  // In the entity's order, so the SQL reads like the full select minus the columns left out.
  'id',
  'createdAt',
  'updatedAt',
  'version',
  'organizationId',
  'name',
  'firstName',
  'lastName',
  'primaryEmail',
  'primaryPhone',
  'jobTitle',
  'contactType',
  'status',
  'customerId',
  'ownerId',
  'marketingOptOut',
  'isActive',
] as const satisfies readonly (keyof ContactEntity)[];

/** A user assigned to a contact, as the contact shows it. */
export type MemberSummary = Pick<UserEntity, 'id' | 'name' | 'firstName' | 'lastName' | 'email'>;

/** A contact as reads return it: its columns and the relations asked for, as summaries. */
export type ContactRow = Omit<ContactEntity, 'tags' | 'members' | 'customer'> & {
  tags?: readonly TagSummary[];
  members?: readonly MemberSummary[];
  customer?: CustomerSummary | null;
};

/** A contact read with `PORTAL_CONTACT_COLUMNS` only. */
export type PortalContactRow = Pick<ContactRow, (typeof PORTAL_CONTACT_COLUMNS)[number] | 'tags' | 'customer'>;

/** The raw column that carries a relation in a contact read. */
const COLUMN: Readonly<Record<ContactRelation, string>> = {
  tags: 'relation_tags',
  members: 'relation_members',
  customer: 'relation_customer',
};

function membersSql(alias: string): string {
  return `(SELECT coalesce(json_agg(json_build_object('id', member.id, 'email', member.email,
                                                    'firstName', member.first_name, 'lastName', member.last_name,
                                                    'name', trim(member.first_name || ' ' || member.last_name))
                                  ORDER BY member.first_name, member.last_name, member.id), '[]'::json)
             FROM contact_member member_link
             JOIN app_user member ON member.id = member_link.user_id AND member.deleted_at IS NULL
                                 AND member.tenant_id = "${alias}".tenant_id
            WHERE ${CONTACT_MEMBERS.linkedTo('member_link', alias)})`;
}

/** Each relation's JSON column, given the contact's alias. */
const RELATION_SQL: Readonly<Record<ContactRelation, (alias: string) => string>> = {
  tags: (alias) => tagSummariesSql(CONTACT_TAGS, alias),
  members: membersSql,
  customer: customerSummarySql,
};

/**
 * Adds the asked relations to a contact query as JSON columns of its own statement (a page or
 * one record stays one round trip); `contactRow` reads them back.
 */
export function selectContactRelations(
  qb: SelectQueryBuilder<ContactEntity>,
  relations: readonly ContactRelation[],
): SelectQueryBuilder<ContactEntity> {
  for (const relation of relations) qb.addSelect(RELATION_SQL[relation](qb.alias), COLUMN[relation]);
  return qb;
}

/** The contact with the relations `selectContactRelations` added, from its raw row. */
export function contactRow(contact: ContactEntity, raw: RawRow, relations: readonly ContactRelation[]): ContactRow {
  const row: ContactRow = contact;
  if (relations.includes('tags')) row.tags = raw[COLUMN.tags] as TagSummary[];
  if (relations.includes('members')) row.members = raw[COLUMN.members] as MemberSummary[];
  if (relations.includes('customer')) row.customer = (raw[COLUMN.customer] as CustomerSummary | null) ?? null;
  return row;
}

/** One contact the actor can see, with the asked relations, in one statement (404 otherwise). */
export async function findContactRow(
  reader: Pick<ScopedReader, 'repository'>,
  contactId: string,
  relations: readonly ContactRelation[],
): Promise<ContactRow> {
  const { entity, raw } = await reader
    .repository(ContactEntity)
    .findOneOrFailWithRaw(contactId, (qb) => selectContactRelations(qb, relations));
  return contactRow(entity, raw, relations);
}

/**
 * The tags and members a write replaces, as entities: the command diffs them for its audit
 * snapshot. Reads embed them instead (`selectContactRelations`).
 */
export async function loadContactLinks(
  reader: Pick<ScopedReader, 'repository'>,
  contact: ContactEntity,
): Promise<void> {
  contact.tags = (await loadTagsByRecord(reader.repository(TagEntity), CONTACT_TAGS, [contact.id])).get(contact.id);
  contact.members = (
    await CONTACT_MEMBERS.load(reader.repository(UserEntity), 'member', [contact.id], {
      'member.firstName': 'ASC',
      'member.lastName': 'ASC',
    })
  ).get(contact.id);
}

/**
 * Stores the tags and members `applyContactInput` set on the saved contact, for the lists the
 * input sent (a list left out keeps its links).
 */
export async function saveContactLinks(
  tx: Transaction,
  contact: ContactEntity,
  input: Pick<ContactInput, 'tagIds' | 'memberIds'>,
): Promise<void> {
  if (input.tagIds !== undefined) await CONTACT_TAGS.replace(tx, contact, idsOf(contact.tags));
  if (input.memberIds !== undefined) await CONTACT_MEMBERS.replace(tx, contact, idsOf(contact.members));
}

function idsOf(rows: ReadonlyArray<{ id: string }> | undefined): string[] {
  return (rows ?? []).map((row) => row.id);
}
