import { ApiProperty } from '@nestjs/swagger';
import type { TicketCommentEntity } from '../entities/ticket-comment.entity';

export class TicketCommentResponse {
  id: string;
  ticketId: string;
  @ApiProperty({ nullable: true, type: String, description: 'The user who wrote it; null for an API key.' })
  authorId: string | null;
  body: string;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
  version: number;

  static from(comment: TicketCommentEntity): TicketCommentResponse {
    return {
      id: comment.id,
      ticketId: comment.ticketId,
      authorId: comment.authorId,
      body: comment.body,
      createdAt: comment.createdAt.toISOString(),
      updatedAt: comment.updatedAt.toISOString(),
      version: comment.version,
    };
  }
}
