/**
 * A contract's state on a given day, derived from its dates (never stored): PENDING before its
 * start, ACTIVE while in force, EXPIRING when it ends within `EXPIRING_WITHIN_DAYS` days (the
 * end date counts as in force), EXPIRED after its end. "Today" is the UTC date.
 */
export const CONTRACT_STATES = ['PENDING', 'ACTIVE', 'EXPIRING', 'EXPIRED'] as const;
export type ContractState = (typeof CONTRACT_STATES)[number];

export const EXPIRING_WITHIN_DAYS = 30;

/** The UTC calendar date of `now`, `YYYY-MM-DD`. */
export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** `date` (`YYYY-MM-DD`) plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export function contractState(startDate: string, endDate: string, today: string): ContractState {
  if (startDate > today) return 'PENDING';
  if (endDate < today) return 'EXPIRED';
  if (endDate <= addDays(today, EXPIRING_WITHIN_DAYS)) return 'EXPIRING';
  return 'ACTIVE';
}

/** Today's UTC date in SQL (the server's session time zone does not matter). */
export const TODAY_SQL = `(now() AT TIME ZONE 'UTC')::date`;

/** `contractState` in SQL, for a contract aliased `alias` (the list's `status` filter). */
export function contractStateSql(alias: string): string {
  return `CASE WHEN ${alias}.start_date > ${TODAY_SQL} THEN 'PENDING'
               WHEN ${alias}.end_date < ${TODAY_SQL} THEN 'EXPIRED'
               WHEN ${alias}.end_date <= ${TODAY_SQL} + ${EXPIRING_WITHIN_DAYS} THEN 'EXPIRING'
               ELSE 'ACTIVE' END`;
}
