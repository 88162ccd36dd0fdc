import type { RawRow } from '@clientele/core';
import type { SelectQueryBuilder } from 'typeorm';
import { type TagSummary, tagSummariesSql } from '../tags';
import type { TicketEntity } from './entities/ticket.entity';
import { TICKET_CONTACTS } from './ticket-contacts';
import { firstResponseSql } from './ticket-sla';
import { TICKET_TAGS } from './ticket-tags';
import type { TicketContactSummary, TicketView } from './ticket-view';

const TAGS = 'view_tags';
const CONTACTS = 'view_contacts';
const FIRST_RESPONSE = 'view_first_response';

/** The ticket's live linked contacts (alias `linked_contact`) for a subquery of the ticket's statement. */
function liveContactsOf(alias: string): string {
  return `FROM ${TICKET_CONTACTS.table} contact_link
             JOIN contact linked_contact ON linked_contact.id = contact_link.contact_id
                                        AND linked_contact.deleted_at IS NULL
                                        AND linked_contact.tenant_id = "${alias}".tenant_id
            WHERE ${TICKET_CONTACTS.linkedTo('contact_link', alias)}`;
}

/** The ticket's live contacts as a JSON array of `TicketContactSummary`, by name. */
export function ticketContactsSql(alias: string): string {
  return `(SELECT coalesce(json_agg(json_build_object('id', linked_contact.id, 'name', linked_contact.name,
                                                    'email', linked_contact.primary_email)
                                  ORDER BY linked_contact.name, linked_contact.id), '[]'::json)
             ${liveContactsOf(alias)})`;
}

/** The ticket's live contacts' e-mails, `; `-separated (for exports). */
export function ticketContactEmailsSql(alias: string): string {
  return `(SELECT string_agg(coalesce(linked_contact.primary_email, linked_contact.name), '; '
                             ORDER BY linked_contact.name, linked_contact.id) ${liveContactsOf(alias)})`;
}

/** Adds a ticket's tags and contacts to its query, as columns of the same statement. */
export function selectTicketView(qb: SelectQueryBuilder<TicketEntity>): SelectQueryBuilder<TicketEntity> {
  return qb
    .addSelect(tagSummariesSql(TICKET_TAGS, qb.alias), TAGS)
    .addSelect(ticketContactsSql(qb.alias), CONTACTS)
    .addSelect(firstResponseSql(qb.alias), FIRST_RESPONSE);
}

export function ticketView(ticket: TicketEntity, raw: RawRow): TicketView {
  return {
    ticket,
    tags: raw[TAGS] as TagSummary[],
    contacts: raw[CONTACTS] as TicketContactSummary[],
    firstRespondedAt: raw[FIRST_RESPONSE] == null ? null : new Date(raw[FIRST_RESPONSE] as string | Date),
  };
}
