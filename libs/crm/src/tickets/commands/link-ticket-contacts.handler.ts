import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork, ValidationError } from '@clientele/core';
import { TicketEntity } from '../entities/ticket.entity';
import { applyTicketContactChange } from '../ticket-contact-change';
import type { TicketContactsOutcome } from '../ticket-contacts-outcome';
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
      const ticket = await tx.repository(TicketEntity).findOneForUpdate(ticketId);
      return applyTicketContactChange(tx, ticket, { add, remove, replace });
    });
  }
}
