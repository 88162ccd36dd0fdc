import type { Transaction } from '@clientele/core';
import { ContactEntity } from '../organization-contact';
import { loadTagsByRecord, TagEntity } from '../tags';
import type { TicketLinks } from './events/ticket.events';
import { TICKET_CONTACTS } from './ticket-contacts';
import { TICKET_TAGS } from './ticket-tags';

/** A ticket's live tags and linked contacts inside a command: what its snapshots list. */
export interface LoadedTicketLinks {
  readonly tags: TagEntity[];
  readonly contacts: ContactEntity[];
}

export async function loadTicketLinks(tx: Transaction, ticketId: string): Promise<LoadedTicketLinks> {
  const tags = (await loadTagsByRecord(tx.repository(TagEntity), TICKET_TAGS, [ticketId])).get(ticketId) ?? [];
  const contacts =
    (await TICKET_CONTACTS.load(tx.repository(ContactEntity), 'contact', [ticketId], { 'contact.name': 'ASC' })).get(
      ticketId,
    ) ?? [];
  return { tags, contacts };
}

/** The ids a snapshot carries. */
export function linkIds({ tags, contacts }: LoadedTicketLinks): TicketLinks {
  return { tagIds: tags.map((tag) => tag.id), contactIds: contacts.map((contact) => contact.id) };
}
