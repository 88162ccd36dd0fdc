import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Decimal, Money, ScopedReader } from '@clientele/core';
import type { InvoiceCurrencySummary } from '../dto/invoice-summary.params';
import { todayUtc } from '../dto/invoice.response';
import { InvoiceEntity } from '../entities/invoice.entity';
import { overdueSql } from '../invoice-filters';
import { GetInvoiceSummaryQuery } from './get-invoice-summary.query';

interface SummaryRow {
  currency: string;
  invoiceCount: string;
  invoiced: string;
  paid: string;
  credited: string;
  outstanding: string;
  overdue: string;
}

/**
 * Per currency (never summed across), over sent invoices (not drafts, not void, not credit notes)
 * issued in the range: invoiced, paid, credited, outstanding and overdue — numeric sums in SQL.
 */
@QueryHandler(GetInvoiceSummaryQuery)
export class GetInvoiceSummaryHandler implements IQueryHandler<GetInvoiceSummaryQuery, InvoiceCurrencySummary[]> {
  constructor(private readonly reader: ScopedReader) {}

  async execute({ params }: GetInvoiceSummaryQuery): Promise<InvoiceCurrencySummary[]> {
    const qb = this.reader
      .repository(InvoiceEntity)
      .query('invoice')
      .andWhere(`invoice.kind = 'INVOICE'`)
      .andWhere(`invoice.status IN ('SENT', 'PARTIALLY_PAID', 'PAID')`)
      .setParameter('invoiceToday', todayUtc());
    if (params.organizationId !== undefined) {
      qb.andWhere('invoice.organizationId = :summaryOrganizationId', { summaryOrganizationId: params.organizationId });
    }
    if (params.from !== undefined) qb.andWhere('invoice.issueDate >= :summaryFrom', { summaryFrom: params.from });
    if (params.to !== undefined) qb.andWhere('invoice.issueDate <= :summaryTo', { summaryTo: params.to });
    const rows = await qb
      .select('invoice.currency', 'currency')
      .addSelect('count(*)::text', 'invoiceCount')
      .addSelect('sum(invoice.total)::text', 'invoiced')
      .addSelect('sum(invoice.amount_paid)::text', 'paid')
      .addSelect('sum(invoice.amount_credited)::text', 'credited')
      .addSelect('sum(invoice.balance)::text', 'outstanding')
      .addSelect(`coalesce(sum(invoice.balance) FILTER (WHERE ${overdueSql('invoice')}), 0)::text`, 'overdue')
      .groupBy('invoice.currency')
      .orderBy('invoice.currency', 'ASC')
      .getRawMany<SummaryRow>();
    return rows.map((row) => {
      const text = (amount: string): string => Money.of(new Decimal(amount), row.currency).toString();
      return {
        currency: row.currency,
        invoiceCount: Number(row.invoiceCount),
        invoiced: text(row.invoiced),
        paid: text(row.paid),
        credited: text(row.credited),
        outstanding: text(row.outstanding),
        overdue: text(row.overdue),
      };
    });
  }
}
