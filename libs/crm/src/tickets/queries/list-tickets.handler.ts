import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { countedTotal, type Page, paginate, ScopedReader } from '@clientele/core';
import { TicketEntity } from '../entities/ticket.entity';
import { applyTicketFilters, TICKET_SORTS, ticketFacets } from '../ticket-filters';
import type { TicketView } from '../ticket-view';
import { selectTicketView, ticketView } from '../ticket-views';
import { ListTicketsQuery } from './list-tickets.query';

/**
 * Tickets with their tags and contacts, filtered, paged, sorted: one statement. Narrowed only by
 * status, priority and assignee, the total is exact from the counters (`ticket_facet_count`).
 */
@QueryHandler(ListTicketsQuery)
export class ListTicketsHandler implements IQueryHandler<ListTicketsQuery, Page<TicketView>> {
  constructor(private readonly reader: ScopedReader) {}

  execute({ params }: ListTicketsQuery): Promise<Page<TicketView>> {
    const tickets = this.reader.repository(TicketEntity);
    const { scope } = tickets;
    const qb = applyTicketFilters(tickets.query('ticket'), params);
    return paginate(selectTicketView(qb), params, TICKET_SORTS, '-createdAt', {
      total: countedTotal('ticket', scope.tenantId, scope.grantedOrganizationIds, ticketFacets(params)),
      item: (ticket, raw) => ticketView(ticket, raw),
    });
  }
}
