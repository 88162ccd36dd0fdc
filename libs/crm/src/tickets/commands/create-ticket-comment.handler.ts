import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import { defaultOwnerId } from '../../record-ownership';
import { TicketCommentEntity } from '../entities/ticket-comment.entity';
import { TicketEntity } from '../entities/ticket.entity';
import { recordTicketCommentChange, ticketCommentSnapshot } from '../events/ticket-comment.events';
import { CreateTicketCommentCommand } from './create-ticket-comment.command';

/** A comment on a ticket, by the actor; anyone who works tickets may comment on any of them. */
@CommandHandler(CreateTicketCommentCommand)
export class CreateTicketCommentHandler implements ICommandHandler<CreateTicketCommentCommand, TicketCommentEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ ticketId, body }: CreateTicketCommentCommand): Promise<TicketCommentEntity> {
    return this.uow.run(async (tx) => {
      const ticket = await tx.repository(TicketEntity).findOneOrFail(ticketId);
      const comments = tx.repository(TicketCommentEntity);
      const saved = await comments.save(
        comments.create({
          organizationId: ticket.organizationId,
          ticketId: ticket.id,
          authorId: defaultOwnerId(tx.scope),
          body,
        }),
      );
      await recordTicketCommentChange(tx, 'created', saved, { after: ticketCommentSnapshot(saved) });
      return saved;
    });
  }
}
