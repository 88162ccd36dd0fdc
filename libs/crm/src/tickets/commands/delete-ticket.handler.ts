import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Permission, UnitOfWork } from '@clientele/core';
import { recordTicketChange, ticketSnapshot } from '../events/ticket.events';
import { TicketEntity } from '../entities/ticket.entity';
import { linkIds, loadTicketLinks } from '../ticket-links';
import { DeleteTicketCommand } from './delete-ticket.command';

/** Soft-deletes a ticket; needs `ORG_TICKET_EDIT` (an AGENT cannot delete, not even its own). */
@CommandHandler(DeleteTicketCommand)
export class DeleteTicketHandler implements ICommandHandler<DeleteTicketCommand, void> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ ticketId }: DeleteTicketCommand): Promise<void> {
    return this.uow.run(async (tx) => {
      const tickets = tx.repository(TicketEntity);
      const ticket = await tickets.findOneForUpdate(ticketId);
      tx.scope.assertCanEdit(ticket.organizationId, ticket.assigneeId, Permission.ORG_TICKET_EDIT);
      const before = ticketSnapshot(ticket, linkIds(await loadTicketLinks(tx, ticket.id)));
      await tickets.softRemove(ticket);
      await recordTicketChange(tx, 'deleted', ticket, { before });
    });
  }
}
