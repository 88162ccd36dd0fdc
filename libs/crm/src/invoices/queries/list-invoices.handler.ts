import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { countedTotal, type Page, paginate, ScopedReader } from '@clientele/core';
import { todayUtc } from '../dto/invoice.response';
import { InvoiceEntity } from '../entities/invoice.entity';
import { applyInvoiceFilters, INVOICE_SORTS, invoiceFacets } from '../invoice-filters';
import { type InvoiceView, invoiceView, selectInvoiceView } from '../invoice-view';
import { ListInvoicesQuery } from './list-invoices.query';

/**
 * Invoices and credit notes, filtered, paged, sorted; the rows carry the stored figures and their
 * tags. Narrowed only by a date-free status, kind and currency, the total is exact from the
 * counters (`invoice_facet_count`).
 */
@QueryHandler(ListInvoicesQuery)
export class ListInvoicesHandler implements IQueryHandler<ListInvoicesQuery, Page<InvoiceView>> {
  constructor(private readonly reader: ScopedReader) {}

  execute({ params }: ListInvoicesQuery): Promise<Page<InvoiceView>> {
    const invoices = this.reader.repository(InvoiceEntity);
    const { scope } = invoices;
    const qb = invoices.query('invoice');
    if (params.organizationId !== undefined) {
      qb.andWhere('invoice.organizationId = :invoiceOrganizationId', { invoiceOrganizationId: params.organizationId });
    }
    return paginate(
      selectInvoiceView(applyInvoiceFilters(qb, params, todayUtc())),
      params,
      INVOICE_SORTS,
      '-createdAt',
      {
        total: countedTotal('invoice', scope.tenantId, scope.grantedOrganizationIds, invoiceFacets(params)),
        item: (invoice, raw) => invoiceView(invoice, raw),
      },
    );
  }
}
