import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import { TicketCommentEntity } from '../entities/ticket-comment.entity';
import { recordTicketCommentChange, ticketCommentSnapshot } from '../events/ticket-comment.events';
import { findOwnComment } from '../ticket-comment-author';
import { UpdateTicketCommentCommand } from './update-ticket-comment.command';

/** Replaces a comment's text; only its author may. */
@CommandHandler(UpdateTicketCommentCommand)
export class UpdateTicketCommentHandler implements ICommandHandler<UpdateTicketCommentCommand, TicketCommentEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ ticketId, commentId, body }: UpdateTicketCommentCommand): Promise<TicketCommentEntity> {
    return this.uow.run(async (tx) => {
      const comment = await findOwnComment(tx, ticketId, commentId);
      const before = ticketCommentSnapshot(comment);
      comment.body = body;
      const saved = await tx.repository(TicketCommentEntity).save(comment);
      await recordTicketCommentChange(tx, 'updated', saved, { before, after: ticketCommentSnapshot(saved) });
      return saved;
    });
  }
}
