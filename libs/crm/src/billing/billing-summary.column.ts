import { Decimal, Money } from '@clientele/core';
import { registerCustomerColumn } from '../customers';
import { nextBillDate } from './billing-period';

interface SummarySource {
  readonly currency: string;
  readonly monthlyTotal: string;
  readonly dayOfMonth: number;
  readonly timeZone: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "GBP 1,200.00 monthly, next bill 1 Dec 2026" from a customer's active settings. */
export function billingSummary(source: SummarySource, now = new Date()): string {
  const amount = Money.of(new Decimal(source.monthlyTotal), source.currency).toString();
  const [whole = '0', fraction] = amount.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const next = nextBillDate(now, source.timeZone, source.dayOfMonth);
  const [year, month, day] = next.split('-');
  const text = `${source.currency} ${fraction === undefined ? grouped : `${grouped}.${fraction}`}`;
  return `${text} monthly, next bill ${Number(day)} ${MONTHS[Number(month) - 1] ?? ''} ${year ?? ''}`;
}

/** The customer row's billing line: its active settings, one primary-key-ish probe per row. */
registerCustomerColumn({
  key: 'billingSummary',
  order: 30,
  sql: (alias) => `(SELECT json_build_object('currency', bs.currency, 'monthlyTotal', bs.monthly_total::text,
                                             'dayOfMonth', bs.day_of_month, 'timeZone', bs.time_zone)
                      FROM billing_settings bs
                     WHERE bs.tenant_id = "${alias}".tenant_id AND bs.organization_id = "${alias}".organization_id
                       AND bs.customer_id = "${alias}".id AND bs.active AND bs.deleted_at IS NULL)`,
  read: (selected) => (selected === null || selected === undefined ? null : billingSummary(selected as SummarySource)),
});
