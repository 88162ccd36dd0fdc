import { day, iso, moneyText } from './sales-json';

type Row = Record<string, unknown>;

/** A ticket's due times, first answer and what it missed (`breachedTargets`), at this instant. */
function slaJson(firstDue: unknown, resolutionDue: unknown, responded: unknown, resolved: unknown): Row {
  const time = (value: unknown): number | null => (value == null ? null : new Date(iso(value) ?? '').getTime());
  const now = Date.now();
  const missed = (due: unknown, metAt: unknown): boolean => {
    const dueAt = time(due);
    return dueAt !== null && (time(metAt) ?? now) > dueAt;
  };
  const breached = [
    ...(missed(firstDue, responded) ? ['FIRST_RESPONSE'] : []),
    ...(missed(resolutionDue, resolved) ? ['RESOLUTION'] : []),
  ];
  return {
    firstResponseDueAt: iso(firstDue),
    resolutionDueAt: iso(resolutionDue),
    firstRespondedAt: iso(responded),
    slaBreached: breached.length > 0,
    slaBreachedTargets: breached,
  };
}

/**
 * A ticket as `TicketResponse` writes it, from `<prefix><column>` columns, `view_first_response`,
 * `view_contacts` and `view_tags`.
 */
export function ticketJson(row: Row, prefix: string): Record<string, unknown> {
  const column = (name: string): unknown => row[`${prefix}${name}`];
  return {
    id: column('id'),
    organizationId: column('organization_id'),
    title: column('title'),
    description: column('description'),
    status: column('status'),
    priority: column('priority'),
    customerId: column('customer_id'),
    assigneeId: column('assignee_id'),
    resolvedAt: iso(column('resolved_at')),
    closedAt: iso(column('closed_at')),
    ...slaJson(
      column('first_response_due_at'),
      column('resolution_due_at'),
      row.view_first_response,
      column('resolved_at'),
    ),
    contacts: row.view_contacts,
    tags: row.view_tags,
    createdAt: iso(column('created_at')),
    updatedAt: iso(column('updated_at')),
    version: column('version'),
  };
}

/** An invoice as `InvoiceResponse` writes it, from `<prefix><column>` columns. */
export function invoiceJson(row: Row, prefix: string): Record<string, unknown> {
  const column = (name: string): unknown => row[`${prefix}${name}`];
  const money = (name: string): string => moneyText(column(name));
  const discountKind = column('discount_kind');
  return {
    id: column('id'),
    organizationId: column('organization_id'),
    kind: column('kind'),
    number: column('number'),
    status: column('status'),
    currency: column('currency'),
    contactId: column('contact_id'),
    customerId: column('customer_id'),
    ownerId: column('owner_id'),
    creditedInvoiceId: column('credited_invoice_id'),
    issueDate: day(column('issue_date')),
    dueDate: day(column('due_date')),
    paymentTermsDays: column('payment_terms_days'),
    notes: column('notes'),
    terms: column('terms'),
    pricesIncludeTax: column('prices_include_tax'),
    discount: discountKind === null ? null : { kind: discountKind, value: column('discount_value') },
    items: column('items'),
    taxes: column('taxes'),
    subtotal: money('subtotal'),
    discountTotal: money('discount_total'),
    netTotal: money('net_total'),
    taxTotal: money('tax_total'),
    total: money('total'),
    amountPaid: money('amount_paid'),
    amountCredited: money('amount_credited'),
    amountRefunded: money('amount_refunded'),
    balance: money('balance'),
    sentAt: iso(column('sent_at')),
    sentTo: column('sent_to'),
    voidedAt: iso(column('voided_at')),
    createdAt: iso(column('created_at')),
    updatedAt: iso(column('updated_at')),
    version: column('version'),
  };
}

/** One currency of the summary report (`InvoiceSummaryResponse`), from numeric text. */
export function summaryCurrencyJson(row: Row): Record<string, unknown> {
  return {
    currency: row.currency,
    invoiceCount: Number(row.invoiceCount),
    invoiced: moneyText(row.invoiced),
    paid: moneyText(row.paid),
    credited: moneyText(row.credited),
    outstanding: moneyText(row.outstanding),
    overdue: moneyText(row.overdue),
  };
}

/** The customer row's billing column as the API selects it (`billing-summary.column.ts`). */
interface BillingColumn {
  readonly currency: string;
  readonly monthlyTotal: string;
}

/**
 * The billing line, shortened: the API adds the next bill date in the customer's time zone. The
 * bench data has no billing settings, so every row's is null, in the API's answer too.
 */
function billingLine(billing: BillingColumn | null): string | null {
  return billing === null ? null : `${billing.currency} ${billing.monthlyTotal} monthly`;
}

/**
 * A customer row as `CustomerResponse` writes it, from `<prefix><column>` columns and the
 * page's computed ones, named as the API's statement names them (`view_contact_count`,
 * `column_openTicketCount`, `column_contractStatus`, `column_billingSummary`).
 */
export function customerJson(row: Row, prefix: string): Record<string, unknown> {
  const column = (name: string): unknown => row[`${prefix}${name}`];
  return {
    id: column('id'),
    organizationId: column('organization_id'),
    name: column('name'),
    kind: column('kind'),
    primaryDomain: column('primary_domain'),
    logoUrl: column('logo_url'),
    notes: column('notes'),
    ownerId: column('owner_id'),
    contactCount: Number(row.view_contact_count),
    openTicketCount: Number(row.column_openTicketCount),
    contractStatus: row.column_contractStatus ?? 'NONE',
    billingSummary: billingLine(row.column_billingSummary as BillingColumn | null),
    tags: row.view_tags,
    createdAt: iso(column('created_at')),
    updatedAt: iso(column('updated_at')),
    version: column('version'),
  };
}
