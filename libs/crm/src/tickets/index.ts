// What other rooms may use from tickets.
export { TICKET_CONTACTS } from './ticket-contacts';
export { TICKET_TAGS } from './ticket-tags';
export { TicketsModule } from './tickets.module';
export { TicketCommentEntity } from './entities/ticket-comment.entity';
export { TicketEntity } from './entities/ticket.entity';
