// What other rooms may use from tickets.
export { TICKET_CONTACTS } from './ticket-contacts';
export { TICKET_TAGS } from './ticket-tags';
export { TICKET_PRIORITIES, type TicketPriority } from './ticket-status';
export { type TicketOpeningStep, TicketOpeningSteps } from './ticket-opening-steps';
export { TicketsModule } from './tickets.module';
export { TicketCommentEntity } from './entities/ticket-comment.entity';
export { TicketEntity } from './entities/ticket.entity';
