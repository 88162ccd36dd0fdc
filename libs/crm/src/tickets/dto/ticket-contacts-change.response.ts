import { ApiProperty } from '@nestjs/swagger';
import type { TicketContactsOutcome } from '../ticket-contacts-outcome';
import { TicketContactResponse, TicketResponse } from './ticket.response';

/** What a contact-link call did, entry by entry, and the ticket after it. */
export class TicketContactsChangeResponse {
  ticket: TicketResponse;
  /** Newly linked. */
  linked: TicketContactResponse[];
  /** Asked for, and already linked. */
  alreadyLinked: TicketContactResponse[];
  /** Unlinked. */
  removed: TicketContactResponse[];
  /** Asked to remove, but not linked. */
  notLinked: TicketContactResponse[];
  /** Inactive contacts, not linked (an inactive contact cannot be added). */
  inactive: TicketContactResponse[];
  @ApiProperty({ type: [String], description: 'E-mails no contact of the organization has (lower case).' })
  unknownEmails: string[];

  static from(ticket: TicketResponse, outcome: TicketContactsOutcome): TicketContactsChangeResponse {
    const list = (contacts: TicketContactsOutcome['linked']): TicketContactResponse[] =>
      contacts.map((contact) => TicketContactResponse.from(contact));
    return {
      ticket,
      linked: list(outcome.linked),
      alreadyLinked: list(outcome.alreadyLinked),
      removed: list(outcome.removed),
      notLinked: list(outcome.notLinked),
      inactive: list(outcome.inactive),
      unknownEmails: [...outcome.unknownEmails],
    };
  }
}
