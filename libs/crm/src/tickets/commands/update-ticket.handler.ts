import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Permission, UnitOfWork } from '@clientele/core';
import { assertCanAssignOwner } from '../../record-ownership';
import { findOrganizationTags, requestedTagIds } from '../../tags';
import { recordTicketChange, ticketSnapshot } from '../events/ticket.events';
import { TicketEntity } from '../entities/ticket.entity';
import { linkIds, loadTicketLinks } from '../ticket-links';
import { assertTicketParties } from '../ticket-parties';
import { TICKET_TAGS } from '../ticket-tags';
import { UpdateTicketCommand } from './update-ticket.command';

/**
 * Changes the fields sent; an AGENT (`ORG_TICKET_EDIT_OWN`) only on tickets assigned to it. A
 * status change moves along the ticket's transitions and is published as `ticket.status_changed`
 * (the other fields of the same PATCH ride along); any other change as `ticket.updated`.
 */
@CommandHandler(UpdateTicketCommand)
export class UpdateTicketHandler implements ICommandHandler<UpdateTicketCommand, TicketEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ ticketId, input }: UpdateTicketCommand): Promise<TicketEntity> {
    return this.uow.run(async (tx) => {
      const tickets = tx.repository(TicketEntity);
      const ticket = await tickets.findOneForUpdate(ticketId);
      const { organizationId } = ticket;
      tx.scope.assertCanEdit(
        organizationId,
        ticket.assigneeId,
        Permission.ORG_TICKET_EDIT,
        Permission.ORG_TICKET_EDIT_OWN,
      );
      const links = await loadTicketLinks(tx, ticket.id);
      const before = ticketSnapshot(ticket, linkIds(links));

      if (input.assigneeId !== undefined) {
        const assigneeId = input.assigneeId?.toLowerCase() ?? null;
        assertCanAssignOwner(tx.scope, organizationId, assigneeId, Permission.ORG_TICKET_EDIT);
        await assertTicketParties(tx, organizationId, { assigneeId });
        ticket.assigneeId = assigneeId;
      }
      if (input.customerId !== undefined) {
        await assertTicketParties(tx, organizationId, { customerId: input.customerId });
        ticket.customerId = input.customerId?.toLowerCase() ?? null;
      }
      const requestedTags = requestedTagIds(input);
      const tags =
        requestedTags === undefined
          ? links.tags
          : await findOrganizationTags(tx, organizationId, requestedTags.ids, requestedTags.field);
      if (input.title !== undefined) ticket.title = input.title;
      if (input.description !== undefined) ticket.description = input.description;
      if (input.priority !== undefined) ticket.priority = input.priority;
      const statusChange = input.status === undefined ? null : ticket.moveTo(input.status, new Date());

      const saved = await tickets.save(ticket);
      if (requestedTags !== undefined) {
        await TICKET_TAGS.replace(
          tx,
          saved,
          tags.map((tag) => tag.id),
        );
      }
      const after = ticketSnapshot(saved, linkIds({ tags, contacts: links.contacts }));
      await recordTicketChange(tx, statusChange === null ? 'updated' : 'status_changed', saved, { before, after });
      return saved;
    });
  }
}
