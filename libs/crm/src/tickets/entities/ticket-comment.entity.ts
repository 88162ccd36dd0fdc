import { Column, Entity } from 'typeorm';
import { OrganizationScopedEntity } from '@clientele/core';

/** A comment on a ticket; only its author changes or deletes it. */
@Entity('ticket_comment')
export class TicketCommentEntity extends OrganizationScopedEntity {
  @Column('uuid')
  ticketId: string;

  /** The user who wrote it (an API key writes as nobody). */
  @Column('uuid', { nullable: true })
  authorId: string | null;

  @Column('text')
  body: string;
}
