import { type BusinessHours, type SlaClock, WEEKDAYS } from './sla-policy';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Far enough for any target a policy accepts (a year of minutes, opening one minute a week). */
const MAX_DAYS = 366 * 10_000;

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (found === undefined) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

function wallClock(instantMs: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instantMs`, in ms (whole seconds). */
function offsetAt(instantMs: number, timeZone: string): number {
  const wall = wallClock(instantMs, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant a local wall time (`minutes` after local midnight of the UTC-dated `dayMs`) has
 * in `timeZone`. A time the clocks skip (spring forward) lands after the gap; a time they repeat
 * (fall back) lands on one of its two occurrences.
 */
function instantOf(dayMs: number, minutes: number, timeZone: string): number {
  const wall = dayMs + minutes * MINUTE_MS;
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  if (second === first) return first;
  return Math.max(first, second);
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/**
 * `start` plus `minutes` counted only while the weekly schedule is open (each of its days,
 * `open`–`close` local time in its time zone, DST included): a start outside the hours waits
 * for the next opening. Pure, so the SLA arithmetic is unit-tested without a database.
 */
export function addBusinessMinutes(start: Date, minutes: number, hours: BusinessHours): Date {
  let remaining = minutes * MINUTE_MS;
  const open = minutesOf(hours.open);
  const close = minutesOf(hours.close);
  const days = new Set(hours.days.map((day) => WEEKDAYS.indexOf(day) + 1));
  if (days.size === 0 || close <= open) throw new RangeError('the schedule is never open');
  const startMs = start.getTime();
  if (remaining <= 0) return new Date(startMs);
  const local = wallClock(startMs, hours.timeZone);
  let dayMs = Date.UTC(local.year, local.month - 1, local.day);
  for (let step = 0; step < MAX_DAYS; step += 1, dayMs += DAY_MS) {
    const weekday = ((new Date(dayMs).getUTCDay() + 6) % 7) + 1;
    if (!days.has(weekday)) continue;
    const windowStart = Math.max(instantOf(dayMs, open, hours.timeZone), startMs);
    const windowEnd = instantOf(dayMs, close, hours.timeZone);
    if (windowEnd <= windowStart) continue;
    const available = windowEnd - windowStart;
    if (remaining <= available) return new Date(windowStart + remaining);
    remaining -= available;
  }
  throw new RangeError('the target is beyond the schedule');
}

/** When a target of `minutes` from `start` falls due on `clock`. */
export function dueAt(start: Date, minutes: number, clock: SlaClock, hours: BusinessHours): Date {
  return clock === 'CALENDAR_HOURS'
    ? new Date(start.getTime() + minutes * MINUTE_MS)
    : addBusinessMinutes(start, minutes, hours);
}
