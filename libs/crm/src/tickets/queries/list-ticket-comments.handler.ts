import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Page, paginate, ScopedReader } from '@clientele/core';
import { TicketCommentEntity } from '../entities/ticket-comment.entity';
import { TicketEntity } from '../entities/ticket.entity';
import { ListTicketCommentsQuery } from './list-ticket-comments.query';

const COMMENT_SORTS = { createdAt: 'createdAt' } as const;

/** A ticket's live comments, oldest first (404 for a ticket the actor cannot see). */
@QueryHandler(ListTicketCommentsQuery)
export class ListTicketCommentsHandler implements IQueryHandler<ListTicketCommentsQuery, Page<TicketCommentEntity>> {
  constructor(private readonly reader: ScopedReader) {}

  async execute({ ticketId, params }: ListTicketCommentsQuery): Promise<Page<TicketCommentEntity>> {
    const ticket = await this.reader.repository(TicketEntity).findOneOrFail(ticketId);
    const qb = this.reader
      .repository(TicketCommentEntity)
      .query('comment', 'visible')
      .andWhere('comment.organizationId = :commentOrganizationId', { commentOrganizationId: ticket.organizationId })
      .andWhere('comment.ticketId = :commentTicketId', { commentTicketId: ticket.id });
    return paginate(qb, params, COMMENT_SORTS, 'createdAt');
  }
}
