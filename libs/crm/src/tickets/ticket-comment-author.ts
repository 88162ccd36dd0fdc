import { type AccessScope, ForbiddenError, NotFoundError, type Transaction } from '@clientele/core';
import { TicketCommentEntity } from './entities/ticket-comment.entity';

/**
 * The comment a command changes or deletes: locked, of the ticket in the path (another ticket's
 * comment is a 404 here), and written by the actor (anyone else is a 403, an admin too).
 */
export async function findOwnComment(
  tx: Transaction,
  ticketId: string,
  commentId: string,
): Promise<TicketCommentEntity> {
  const comment = await tx.repository(TicketCommentEntity).findOneForUpdate(commentId);
  if (comment.ticketId !== ticketId.toLowerCase()) throw new NotFoundError('TICKET_COMMENT', commentId);
  assertAuthor(tx.scope, comment);
  return comment;
}

function assertAuthor(scope: AccessScope, comment: TicketCommentEntity): void {
  if (scope.actor.type !== 'user' || comment.authorId !== scope.actor.id) {
    throw new ForbiddenError('Only the author of a comment may change or delete it.');
  }
}
