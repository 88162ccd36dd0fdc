import { ValidationError } from '@clientele/core';

/** `YYYY-MM`, a calendar month. */
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The IANA time zones this runtime knows, and `UTC`: what `timeZone` may be (its OpenAPI enum). */
export const TIME_ZONES: readonly string[] = [
  'UTC',
  ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC'),
];

/** Whether `zone` is an IANA time zone this runtime knows (`Europe/London`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function assertTimeZone(zone: string, field = 'timeZone'): void {
  if (!isTimeZone(zone)) throw ValidationError.field(field, `${field} must be an IANA time zone such as Europe/London`);
}

/** The calendar date at `instant` in `zone`, `YYYY-MM-DD`: what "today" is for a customer there. */
export function localDate(instant: Date, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(instant)
    .reduce<Record<string, string>>((found, part) => ({ ...found, [part.type]: part.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The period (`YYYY-MM`) a customer in `zone` is in at `instant`. */
export function periodAt(instant: Date, zone: string): string {
  return localDate(instant, zone).slice(0, 7);
}

/** The bill's issue date in `period`: its `dayOfMonth` (1–28, so every month has it). */
export function billDate(period: string, dayOfMonth: number): string {
  return `${period}-${String(dayOfMonth).padStart(2, '0')}`;
}

/** The next bill date on or after the customer's today, for the one-line billing summary. */
export function nextBillDate(instant: Date, zone: string, dayOfMonth: number): string {
  const today = localDate(instant, zone);
  const thisMonth = billDate(today.slice(0, 7), dayOfMonth);
  if (thisMonth >= today) return thisMonth;
  const [year, month] = today.split('-').map(Number) as [number, number];
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
  return billDate(next, dayOfMonth);
}
