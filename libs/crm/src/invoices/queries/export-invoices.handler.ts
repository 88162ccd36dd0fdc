import type { Readable } from 'node:stream';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { parseSort, RowExporter, ScopedReader } from '@clientele/core';
import { todayUtc } from '../dto/invoice.response';
import { tagNamesSql } from '../../tags';
import { InvoiceEntity } from '../entities/invoice.entity';
import { INVOICE_EXPORT_COLUMNS, type InvoiceExportRow } from '../invoice-export-columns';
import { applyInvoiceFilters, INVOICE_SORTS, overdueSql } from '../invoice-filters';
import { INVOICE_TAGS } from '../invoice-tags';
import { ExportInvoicesQuery } from './export-invoices.query';

/** The whole filtered invoice list as CSV or NDJSON, streamed from a cursor; paging ignored. */
@QueryHandler(ExportInvoicesQuery)
export class ExportInvoicesHandler implements IQueryHandler<ExportInvoicesQuery, Readable> {
  constructor(
    private readonly reader: ScopedReader,
    private readonly exporter: RowExporter,
  ) {}

  execute({ params, format }: ExportInvoicesQuery): Promise<Readable> {
    const order = parseSort(params.sort, INVOICE_SORTS, '-createdAt');
    const base = this.reader.repository(InvoiceEntity).query('invoice');
    if (params.organizationId !== undefined) {
      base.andWhere('invoice.organizationId = :invoiceOrganizationId', {
        invoiceOrganizationId: params.organizationId,
      });
    }
    const qb = applyInvoiceFilters(base, params, todayUtc())
      .select('invoice.id', 'id')
      .addSelect('invoice.organizationId', 'organizationId')
      .addSelect('invoice.kind', 'kind')
      .addSelect('invoice.number', 'number')
      .addSelect('invoice.status', 'status')
      .addSelect(overdueSql('invoice'), 'overdue')
      .addSelect('invoice.currency', 'currency')
      .addSelect('invoice.contactId', 'contactId')
      .addSelect('invoice.customerId', 'customerId')
      .addSelect(`to_char(invoice.issue_date, 'YYYY-MM-DD')`, 'issueDate')
      .addSelect(`to_char(invoice.due_date, 'YYYY-MM-DD')`, 'dueDate')
      .addSelect('invoice.subtotal', 'subtotal')
      .addSelect('invoice.discountTotal', 'discountTotal')
      .addSelect('invoice.netTotal', 'netTotal')
      .addSelect('invoice.taxTotal', 'taxTotal')
      .addSelect('invoice.total', 'total')
      .addSelect('invoice.amountPaid', 'amountPaid')
      .addSelect('invoice.amountCredited', 'amountCredited')
      .addSelect('invoice.balance', 'balance')
      .addSelect(tagNamesSql(INVOICE_TAGS, 'invoice'), 'tags')
      .addSelect('invoice.sentAt', 'sentAt')
      .addSelect('invoice.createdAt', 'createdAt')
      .orderBy(`invoice.${order.property}`, order.direction)
      .addOrderBy('invoice.id', order.direction);
    return this.exporter.open<InvoiceExportRow>(qb.getQueryAndParameters(), INVOICE_EXPORT_COLUMNS, format);
  }
}
