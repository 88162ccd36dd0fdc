import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import { TicketCommentEntity } from '../entities/ticket-comment.entity';
import { recordTicketCommentChange, ticketCommentSnapshot } from '../events/ticket-comment.events';
import { findOwnComment } from '../ticket-comment-author';
import { DeleteTicketCommentCommand } from './delete-ticket-comment.command';

/** Soft-deletes a comment; only its author may. */
@CommandHandler(DeleteTicketCommentCommand)
export class DeleteTicketCommentHandler implements ICommandHandler<DeleteTicketCommentCommand, void> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ ticketId, commentId }: DeleteTicketCommentCommand): Promise<void> {
    return this.uow.run(async (tx) => {
      const comment = await findOwnComment(tx, ticketId, commentId);
      const before = ticketCommentSnapshot(comment);
      await tx.repository(TicketCommentEntity).softRemove(comment);
      await recordTicketCommentChange(tx, 'deleted', comment, { before });
    });
  }
}
