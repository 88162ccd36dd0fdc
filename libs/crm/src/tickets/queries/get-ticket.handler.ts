import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScopedReader } from '@clientele/core';
import { TicketEntity } from '../entities/ticket.entity';
import type { TicketView } from '../ticket-view';
import { selectTicketView, ticketView } from '../ticket-views';
import { GetTicketQuery } from './get-ticket.query';

/** One ticket with its tags and contacts, in one statement. */
@QueryHandler(GetTicketQuery)
export class GetTicketHandler implements IQueryHandler<GetTicketQuery, TicketView> {
  constructor(private readonly reader: ScopedReader) {}

  async execute({ ticketId }: GetTicketQuery): Promise<TicketView> {
    const { entity, raw } = await this.reader.repository(TicketEntity).findOneOrFailWithRaw(ticketId, selectTicketView);
    return ticketView(entity, raw);
  }
}
