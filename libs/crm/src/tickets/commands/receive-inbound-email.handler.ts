import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError, UnitOfWork } from '@clientele/core';
import { recordTicketChange, ticketSnapshot } from '../events/ticket.events';
import { TicketEntity } from '../entities/ticket.entity';
import {
  type InboundEmailOutcome,
  inboundAddresses,
  type InboundSkipReason,
  inboundTitle,
} from '../inbound-email-outcome';
import { resolveContactRefs } from '../ticket-contact-refs';
import { TICKET_CONTACTS } from '../ticket-contacts';
import { runTicketOpeningSteps } from '../ticket-opening-steps';
import { ReceiveInboundEmailCommand } from './receive-inbound-email.command';

/**
 * A service-desk e-mail opens an unassigned ticket and links every active contact of the
 * organization whose e-mail is the sender's or a CC's (case-insensitive), with no cap: GitLab
 * links nobody when the addresses exceed its 6-per-call limit; this links all it can and says
 * which addresses it skipped (unknown, inactive). The ticket's customer is the sender's company.
 */
@CommandHandler(ReceiveInboundEmailCommand)
export class ReceiveInboundEmailHandler implements ICommandHandler<ReceiveInboundEmailCommand, InboundEmailOutcome> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ input }: ReceiveInboundEmailCommand): Promise<InboundEmailOutcome> {
    return this.uow.run(async (tx) => {
      const organizationId = tx.scope.targetOrganizationId(input.organizationId);
      const addresses = inboundAddresses(input.from, input.cc);
      const { contacts } = await resolveContactRefs(tx, organizationId, addresses, 'from');
      const byEmail = new Map(contacts.map((contact) => [contact.primaryEmail?.toLowerCase() ?? '', contact]));
      const linked = contacts.filter((contact) => contact.isActive);
      const skipped = addresses.flatMap((email): Array<{ email: string; reason: InboundSkipReason }> => {
        const contact = byEmail.get(email);
        if (contact === undefined) return [{ email, reason: 'UNKNOWN' }];
        return contact.isActive ? [] : [{ email, reason: 'INACTIVE' }];
      });
      const sender = byEmail.get(addresses[0] ?? '');

      const tickets = tx.repository(TicketEntity);
      const ticket = tickets.create({
        organizationId,
        title: inboundTitle(input.subject),
        description: input.body?.trim() || null,
        priority: 'NORMAL',
        customerId: sender?.isActive === true ? sender.customerId : null,
        assigneeId: null,
        inboundMessageId: input.messageId ?? null,
      });
      ticket.open();
      await runTicketOpeningSteps(tx, ticket);
      let saved: TicketEntity;
      if (input.messageId === undefined) {
        saved = await tickets.save(ticket);
      } else {
        // The unique (organization, message id) index decides between concurrent deliveries.
        const inserted = await tickets.insertOrIgnore(ticket);
        const found = await tickets
          .query('ticket', 'visible')
          .andWhere('ticket.organizationId = :inboundOrganizationId', { inboundOrganizationId: organizationId })
          .andWhere('ticket.inboundMessageId = :inboundMessageId', { inboundMessageId: input.messageId })
          .getOne();
        // Only a deleted ticket keeps its message id out of sight: the message is not opened again.
        if (found === null) {
          throw new NotFoundError('TICKET', undefined, 'messageId', 'The ticket this message opened was deleted.');
        }
        saved = found;
        if (!inserted) return { ticketId: saved.id, duplicate: true, linked: [], skipped: [] };
      }
      await TICKET_CONTACTS.add(
        tx,
        saved,
        linked.map((contact) => contact.id),
      );
      await recordTicketChange(tx, 'created', saved, {
        after: ticketSnapshot(saved, { tagIds: [], contactIds: linked.map((contact) => contact.id) }),
      });
      return {
        ticketId: saved.id,
        duplicate: false,
        linked: linked.map((contact) => ({ id: contact.id, name: contact.name, email: contact.primaryEmail })),
        skipped,
      };
    });
  }
}
