import type { Transaction } from '@clientele/core';
import type { TicketEntity } from './entities/ticket.entity';
import { recordTicketChange, ticketSnapshot } from './events/ticket.events';
import { resolveContactRefs } from './ticket-contact-refs';
import { TICKET_CONTACTS } from './ticket-contacts';
import { planTicketContacts, type TicketContactsOutcome } from './ticket-contacts-outcome';
import { linkIds, loadTicketLinks } from './ticket-links';

/** A change of a ticket's contacts: references (ids or e-mails) to add and remove, or the set to keep. */
export interface TicketContactChange {
  readonly add?: readonly string[];
  readonly remove?: readonly string[];
  readonly replace?: readonly string[];
}

/** The body fields a 404 for an unknown contact id names, per list. */
export interface TicketContactChangeFields {
  readonly add: string;
  readonly remove: string;
  readonly replace: string;
}

const LIST_FIELDS: TicketContactChangeFields = { add: 'add', remove: 'remove', replace: 'replace' };

/**
 * Applies a change of a ticket's contacts inside the caller's transaction, the one way both the
 * link route and a comment's quick actions do it: references resolved in the ticket's
 * organization, `planTicketContacts`' rules, the link rows written and one
 * `ticket.contacts_changed` published when anything changed. The ticket must be locked
 * (`findOneForUpdate`) and the caller must have checked the cap and the linking grant.
 */
export async function applyTicketContactChange(
  tx: Transaction,
  ticket: TicketEntity,
  { add, remove, replace }: TicketContactChange,
  fields: TicketContactChangeFields = LIST_FIELDS,
): Promise<TicketContactsOutcome> {
  const { organizationId } = ticket;
  const links = await loadTicketLinks(tx, ticket.id);
  const toAdd = await resolveContactRefs(tx, organizationId, add ?? [], fields.add);
  const toRemove = await resolveContactRefs(tx, organizationId, remove ?? [], fields.remove);
  const toKeep =
    replace === undefined ? undefined : await resolveContactRefs(tx, organizationId, replace, fields.replace);
  const { link, unlink, outcome } = planTicketContacts({
    current: links.contacts,
    add: toAdd.contacts,
    remove: toRemove.contacts,
    replace: toKeep?.contacts,
    unknownEmails: [...toAdd.unknownEmails, ...toRemove.unknownEmails, ...(toKeep?.unknownEmails ?? [])],
  });
  if (link.length === 0 && unlink.length === 0) return outcome;

  const before = ticketSnapshot(ticket, linkIds(links));
  await TICKET_CONTACTS.add(tx, ticket, link);
  await TICKET_CONTACTS.remove(tx, ticket, unlink);
  const contactIds = [...links.contacts.map((contact) => contact.id).filter((id) => !unlink.includes(id)), ...link];
  await recordTicketChange(tx, 'contacts_changed', ticket, {
    before,
    after: ticketSnapshot(ticket, { tagIds: before.tagIds, contactIds }),
  });
  return outcome;
}
