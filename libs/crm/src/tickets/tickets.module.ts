import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RowExporter } from '@clientele/core';
import { CustomersModule } from '../customers';
import { CreateTicketCommentHandler } from './commands/create-ticket-comment.handler';
import { CreateTicketHandler } from './commands/create-ticket.handler';
import { DeleteTicketCommentHandler } from './commands/delete-ticket-comment.handler';
import { DeleteTicketHandler } from './commands/delete-ticket.handler';
import { LinkTicketContactsHandler } from './commands/link-ticket-contacts.handler';
import { MoveTicketHandler } from './commands/move-ticket.handler';
import { ReceiveInboundEmailHandler } from './commands/receive-inbound-email.handler';
import { UpdateTicketCommentHandler } from './commands/update-ticket-comment.handler';
import { UpdateTicketHandler } from './commands/update-ticket.handler';
import { TicketCommentEntity } from './entities/ticket-comment.entity';
import { TicketEntity } from './entities/ticket.entity';
import { ExportTicketsHandler } from './queries/export-tickets.handler';
import { GetTicketHandler } from './queries/get-ticket.handler';
import { ListTicketCommentsHandler } from './queries/list-ticket-comments.handler';
import { ListTicketsHandler } from './queries/list-tickets.handler';
import { SuggestTicketContactsHandler } from './queries/suggest-ticket-contacts.handler';
import { RecordTicketsController } from './record-tickets.controller';
import { ServiceDeskController } from './service-desk.controller';
import './ticket-contact-section';
import './ticket-counts';
import './ticket-transfer';
import './ticket-customer-column';
import { TicketsController } from './tickets.controller';
import { UnlinkTicketsOfDeletedCustomer } from './unlink-deleted-customer';

/** Service-desk tickets linked to contacts (GitLab's issue contacts), with comments and inbound e-mail. */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature([TicketEntity, TicketCommentEntity]), CustomersModule],
  controllers: [TicketsController, RecordTicketsController, ServiceDeskController],
  providers: [
    RowExporter,
    UnlinkTicketsOfDeletedCustomer,
    CreateTicketHandler,
    UpdateTicketHandler,
    DeleteTicketHandler,
    LinkTicketContactsHandler,
    MoveTicketHandler,
    ReceiveInboundEmailHandler,
    CreateTicketCommentHandler,
    UpdateTicketCommentHandler,
    DeleteTicketCommentHandler,
    ListTicketsHandler,
    GetTicketHandler,
    ExportTicketsHandler,
    ListTicketCommentsHandler,
    SuggestTicketContactsHandler,
  ],
})
export class TicketsModule {}
