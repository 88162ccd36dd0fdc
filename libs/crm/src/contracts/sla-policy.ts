import type { TicketPriority } from '../tickets';

/** `BUSINESS_HOURS`: targets count only the schedule's open hours; `CALENDAR_HOURS`: every hour. */
export const SLA_CLOCKS = ['BUSINESS_HOURS', 'CALENDAR_HOURS'] as const;
export type SlaClock = (typeof SLA_CLOCKS)[number];

/** ISO weekdays: 1 Monday … 7 Sunday. */
export const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * A weekly schedule: the same open window (`HH:MM`, local wall time in `timeZone`, `close` up
 * to `24:00`) on each of `days`. The default is Mon–Fri 09:00–17:00 in UTC.
 */
export interface BusinessHours {
  readonly timeZone: string;
  readonly days: readonly Weekday[];
  readonly open: string;
  readonly close: string;
}

export const DEFAULT_BUSINESS_HOURS: BusinessHours = {
  timeZone: 'UTC',
  days: ['MON', 'TUE', 'WED', 'THU', 'FRI'],
  open: '09:00',
  close: '17:00',
};

/** Minutes to the first response and to resolution, for one ticket priority. */
export interface SlaTarget {
  readonly firstResponseMinutes: number;
  readonly resolutionMinutes: number;
}

/**
 * An SLA policy as a contract or the organization stores it (JSON): its clock, its schedule
 * (for business hours) and a target per priority. A priority without a target has no due times.
 */
export interface SlaPolicy {
  readonly clock: SlaClock;
  readonly businessHours: BusinessHours;
  readonly targets: Partial<Record<TicketPriority, SlaTarget>>;
}
