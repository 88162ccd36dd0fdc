import type { Readable } from 'node:stream';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { parseSort, RowExporter, ScopedReader } from '@clientele/core';
import { tagNamesSql } from '../../tags';
import { TicketEntity } from '../entities/ticket.entity';
import { TICKET_EXPORT_COLUMNS, type TicketExportRow } from '../ticket-export-columns';
import { applyTicketFilters, TICKET_SORTS } from '../ticket-filters';
import { TICKET_TAGS } from '../ticket-tags';
import { ticketContactEmailsSql } from '../ticket-views';
import { ExportTicketsQuery } from './export-tickets.query';

/** The whole filtered ticket list as CSV or NDJSON, streamed from a cursor; paging ignored. */
@QueryHandler(ExportTicketsQuery)
export class ExportTicketsHandler implements IQueryHandler<ExportTicketsQuery, Readable> {
  constructor(
    private readonly reader: ScopedReader,
    private readonly exporter: RowExporter,
  ) {}

  execute({ params, format }: ExportTicketsQuery): Promise<Readable> {
    const order = parseSort(params.sort, TICKET_SORTS, '-createdAt');
    const qb = applyTicketFilters(this.reader.repository(TicketEntity).query('ticket'), params)
      .select('ticket.id', 'id')
      .addSelect('ticket.organizationId', 'organizationId')
      .addSelect('ticket.title', 'title')
      .addSelect('ticket.status', 'status')
      .addSelect('ticket.priority', 'priority')
      .addSelect('ticket.customerId', 'customerId')
      .addSelect('ticket.assigneeId', 'assigneeId')
      .addSelect(ticketContactEmailsSql('ticket'), 'contacts')
      .addSelect(tagNamesSql(TICKET_TAGS, 'ticket'), 'tags')
      .addSelect('ticket.resolvedAt', 'resolvedAt')
      .addSelect('ticket.closedAt', 'closedAt')
      .addSelect('ticket.createdAt', 'createdAt')
      .addSelect('ticket.updatedAt', 'updatedAt')
      .orderBy(`ticket.${order.property}`, order.direction)
      .addOrderBy('ticket.id', order.direction);
    return this.exporter.open<TicketExportRow>(qb.getQueryAndParameters(), TICKET_EXPORT_COLUMNS, format);
  }
}
