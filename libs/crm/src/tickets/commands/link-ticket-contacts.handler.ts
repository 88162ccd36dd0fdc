import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork, ValidationError } from '@clientele/core';
import { recordTicketChange, ticketSnapshot } from '../events/ticket.events';
import { TicketEntity } from '../entities/ticket.entity';
import { resolveContactRefs } from '../ticket-contact-refs';
import { TICKET_CONTACTS } from '../ticket-contacts';
import { planTicketContacts, type TicketContactsOutcome } from '../ticket-contacts-outcome';
import { linkIds, loadTicketLinks } from '../ticket-links';
import { LinkTicketContactsCommand } from './link-ticket-contacts.command';

/**
 * Links and unlinks a ticket's contacts, GitLab's way done stricter: e-mails match
 * case-insensitively for add and remove, at most 6 per list (the DTO's 400), `replace` alone,
 * inactive contacts never newly linked, unknown e-mails reported. Route grant: `ORG_TICKET_EDIT`
 * or `ORG_TICKET_LINK_CONTACTS` (an AGENT links on any ticket, as GitLab's Reporter may).
 */
@CommandHandler(LinkTicketContactsCommand)
export class LinkTicketContactsHandler implements ICommandHandler<LinkTicketContactsCommand, TicketContactsOutcome> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ ticketId, input }: LinkTicketContactsCommand): Promise<TicketContactsOutcome> {
    const { add, remove, replace } = input;
    if (replace !== undefined && (add !== undefined || remove !== undefined)) {
      throw ValidationError.field('replace', 'replace cannot be combined with add or remove', 'REPLACE_NOT_COMBINABLE');
    }
    if (replace === undefined && add === undefined && remove === undefined) {
      throw ValidationError.field('add', 'send add, remove or replace', 'NOTHING_TO_CHANGE');
    }
    return this.uow.run(async (tx) => {
      const tickets = tx.repository(TicketEntity);
      const ticket = await tickets.findOneForUpdate(ticketId);
      const { organizationId } = ticket;
      const links = await loadTicketLinks(tx, ticket.id);
      const toAdd = await resolveContactRefs(tx, organizationId, add ?? [], 'add');
      const toRemove = await resolveContactRefs(tx, organizationId, remove ?? [], 'remove');
      const toKeep =
        replace === undefined ? undefined : await resolveContactRefs(tx, organizationId, replace, 'replace');
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
    });
  }
}
