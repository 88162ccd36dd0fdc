import { escapeLike, type FacetValue } from '@clientele/core';
import type { SelectQueryBuilder } from 'typeorm';
import type { ListInvoicesParams } from './dto/list-invoices.params';
import type { InvoiceEntity } from './entities/invoice.entity';
import { whereTagged } from '../tags';
import { INVOICE_TAGS } from './invoice-tags';

/** OVERDUE as SQL: sent or partly paid, with a balance, due before `:invoiceToday`. */
export function overdueSql(alias: string): string {
  return `("${alias}".status IN ('SENT', 'PARTIALLY_PAID') AND "${alias}".balance > 0
           AND "${alias}".due_date IS NOT NULL AND "${alias}".due_date < :invoiceToday)`;
}

/** Statuses whose rows do not depend on today's date (SENT and PARTIALLY_PAID leave out the overdue ones). */
const DATE_FREE_STATUSES: ReadonlySet<string> = new Set(['DRAFT', 'PAID', 'VOID', 'ISSUED']);

/**
 * The counter facets (`invoice_facet_count`) a list narrowed only by status, kind and currency
 * reads its exact total from; `undefined` when another filter applies, or a status judged
 * against today's date, and the list counts.
 */
export function invoiceFacets(params: ListInvoicesParams): FacetValue[] | undefined {
  const uncounted = [
    params.q?.trim() || undefined,
    params.tag,
    params.contactId,
    params.customerId,
    params.issueDateFrom,
    params.issueDateTo,
    params.dueDateFrom,
    params.dueDateTo,
    params.totalMin,
    params.totalMax,
  ];
  if (uncounted.some((value) => value !== undefined)) return undefined;
  if (params.status !== undefined && !DATE_FREE_STATUSES.has(params.status)) return undefined;
  const facets: FacetValue[] = [];
  if (params.status !== undefined) facets.push({ column: 'status', value: params.status });
  if (params.kind !== undefined) facets.push({ column: 'kind', value: params.kind });
  if (params.currency !== undefined) facets.push({ column: 'currency', value: params.currency });
  return facets;
}

/** The list's filters, shared by the JSON page and the export; `today` (`YYYY-MM-DD`, UTC) judges OVERDUE. */
export function applyInvoiceFilters(
  qb: SelectQueryBuilder<InvoiceEntity>,
  params: ListInvoicesParams,
  today: string,
): SelectQueryBuilder<InvoiceEntity> {
  const alias = qb.alias;
  qb.setParameter('invoiceToday', today);
  if (params.q !== undefined && params.q.trim() !== '') {
    const like = `%${escapeLike(params.q.trim().toLowerCase())}%`;
    qb.andWhere(
      `(lower(coalesce(${alias}.number, '')) LIKE :invoiceQ
        OR EXISTS (SELECT 1 FROM contact q_contact WHERE q_contact.id = "${alias}".contact_id
                     AND q_contact.tenant_id = "${alias}".tenant_id
                     AND lower(q_contact.name || ' ' || coalesce(q_contact.primary_email, '')) LIKE :invoiceQ)
        OR EXISTS (SELECT 1 FROM customer q_customer WHERE q_customer.id = "${alias}".customer_id
                     AND q_customer.tenant_id = "${alias}".tenant_id AND lower(q_customer.name) LIKE :invoiceQ))`,
      { invoiceQ: like },
    );
  }
  if (params.tag !== undefined) whereTagged(qb, INVOICE_TAGS, params.tag);
  if (params.status === 'OVERDUE') qb.andWhere(overdueSql(alias));
  else if (params.status !== undefined) {
    qb.andWhere(`${alias}.status = :invoiceStatus`, { invoiceStatus: params.status });
    if (params.status === 'SENT' || params.status === 'PARTIALLY_PAID') qb.andWhere(`NOT ${overdueSql(alias)}`);
  }
  const equal: ReadonlyArray<[keyof ListInvoicesParams, string]> = [
    ['kind', 'kind'],
    ['contactId', 'contactId'],
    ['customerId', 'customerId'],
    ['currency', 'currency'],
  ];
  for (const [param, property] of equal) {
    const value = params[param];
    if (value !== undefined) qb.andWhere(`${alias}.${property} = :invoice_${param}`, { [`invoice_${param}`]: value });
  }
  const ranges: ReadonlyArray<[keyof ListInvoicesParams, string, '>=' | '<=']> = [
    ['issueDateFrom', 'issueDate', '>='],
    ['issueDateTo', 'issueDate', '<='],
    ['dueDateFrom', 'dueDate', '>='],
    ['dueDateTo', 'dueDate', '<='],
    ['totalMin', 'total', '>='],
    ['totalMax', 'total', '<='],
  ];
  for (const [param, property, operator] of ranges) {
    const value = params[param];
    if (value !== undefined) {
      qb.andWhere(`${alias}.${property} ${operator} :invoice_${param}`, { [`invoice_${param}`]: value });
    }
  }
  return qb;
}

/** Sortable fields of the invoice list (all NOT NULL). */
export const INVOICE_SORTS = {
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
  issueDate: 'issueDate',
  total: 'total',
  balance: 'balance',
} as const;
