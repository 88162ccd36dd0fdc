import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, dueAt } from './business-hours';
import { type BusinessHours, DEFAULT_BUSINESS_HOURS } from './sla-policy';

const at = (iso: string): Date => new Date(iso);
const london: BusinessHours = { ...DEFAULT_BUSINESS_HOURS, timeZone: 'Europe/London' };

describe('addBusinessMinutes', () => {
  it('counts within the same day', () => {
    // Monday 7 December 2026, 10:00 UTC.
    expect(addBusinessMinutes(at('2026-12-07T10:00:00Z'), 90, DEFAULT_BUSINESS_HOURS)).toEqual(
      at('2026-12-07T11:30:00Z'),
    );
  });

  it('ends exactly at closing time on the same day', () => {
    expect(addBusinessMinutes(at('2026-12-07T16:00:00Z'), 60, DEFAULT_BUSINESS_HOURS)).toEqual(
      at('2026-12-07T17:00:00Z'),
    );
  });

  it('carries what is left past closing time to the next opening', () => {
    // 16:30 + 2 h: 30 min on Monday, 90 min from Tuesday 09:00.
    expect(addBusinessMinutes(at('2026-12-07T16:30:00Z'), 120, DEFAULT_BUSINESS_HOURS)).toEqual(
      at('2026-12-08T10:30:00Z'),
    );
  });

  it('waits for the opening when started before it', () => {
    expect(addBusinessMinutes(at('2026-12-08T06:00:00Z'), 30, DEFAULT_BUSINESS_HOURS)).toEqual(
      at('2026-12-08T09:30:00Z'),
    );
  });

  it('skips the weekend', () => {
    // Friday 11 December 16:00 + 2 h → Monday 14 December 10:00.
    expect(addBusinessMinutes(at('2026-12-11T16:00:00Z'), 120, DEFAULT_BUSINESS_HOURS)).toEqual(
      at('2026-12-14T10:00:00Z'),
    );
    // Opened on Saturday: the clock starts on Monday.
    expect(addBusinessMinutes(at('2026-12-12T12:00:00Z'), 60, DEFAULT_BUSINESS_HOURS)).toEqual(
      at('2026-12-14T10:00:00Z'),
    );
  });

  it('spans several days and weeks of 8-hour days', () => {
    // 5 business days of 8 h from Monday 09:00 end on Friday 17:00.
    expect(addBusinessMinutes(at('2026-12-07T09:00:00Z'), 5 * 8 * 60, DEFAULT_BUSINESS_HOURS)).toEqual(
      at('2026-12-11T17:00:00Z'),
    );
    // One minute more is Monday 09:01 the week after.
    expect(addBusinessMinutes(at('2026-12-07T09:00:00Z'), 5 * 8 * 60 + 1, DEFAULT_BUSINESS_HOURS)).toEqual(
      at('2026-12-14T09:01:00Z'),
    );
  });

  it('reads the schedule in its time zone', () => {
    const newYork: BusinessHours = { ...DEFAULT_BUSINESS_HOURS, timeZone: 'America/New_York' };
    // 13:00 UTC is 08:00 in New York (EST, UTC−5): the day opens at 14:00 UTC.
    expect(addBusinessMinutes(at('2026-12-07T13:00:00Z'), 60, newYork)).toEqual(at('2026-12-07T15:00:00Z'));
    // Tokyo (UTC+9): Monday 09:00–17:00 local is 00:00–08:00 UTC.
    const tokyo: BusinessHours = { ...DEFAULT_BUSINESS_HOURS, timeZone: 'Asia/Tokyo' };
    expect(addBusinessMinutes(at('2026-12-07T07:30:00Z'), 60, tokyo)).toEqual(at('2026-12-08T00:30:00Z'));
  });

  it('follows the local clock across a spring-forward change (Europe/London, 29 March 2026)', () => {
    // Friday 27 March 16:00 GMT (= UTC) + 2 h: 1 h on Friday, 1 h from Monday 09:00 BST (08:00 UTC).
    expect(addBusinessMinutes(at('2026-03-27T16:00:00Z'), 120, london)).toEqual(at('2026-03-30T09:00:00Z'));
  });

  it('follows the local clock across a fall-back change (Europe/London, 25 October 2026)', () => {
    // Friday 23 October 16:00 BST (15:00 UTC) + 2 h: 1 h on Friday, 1 h from Monday 09:00 GMT (= UTC).
    expect(addBusinessMinutes(at('2026-10-23T15:00:00Z'), 120, london)).toEqual(at('2026-10-26T10:00:00Z'));
  });

  it('counts real elapsed time on a round-the-clock schedule, even on a 23-hour day', () => {
    const always: BusinessHours = {
      timeZone: 'Europe/London',
      days: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'],
      open: '00:00',
      close: '24:00',
    };
    const start = at('2026-03-28T12:00:00Z');
    expect(addBusinessMinutes(start, 24 * 60, always)).toEqual(at('2026-03-29T12:00:00Z'));
    expect(addBusinessMinutes(start, 48 * 60, always)).toEqual(at('2026-03-30T12:00:00Z'));
  });

  it('handles a schedule with only some days', () => {
    const weekends: BusinessHours = { timeZone: 'UTC', days: ['SAT'], open: '10:00', close: '12:00' };
    // Monday → the next Saturday 10:00, 3 h → 2 h that Saturday and 1 h the Saturday after.
    expect(addBusinessMinutes(at('2026-12-07T10:00:00Z'), 180, weekends)).toEqual(at('2026-12-19T11:00:00Z'));
  });

  it('refuses a schedule that is never open', () => {
    expect(() => addBusinessMinutes(at('2026-12-07T10:00:00Z'), 60, { ...DEFAULT_BUSINESS_HOURS, days: [] })).toThrow(
      RangeError,
    );
  });
});

describe('dueAt', () => {
  it('adds plain minutes on the calendar clock, weekends and nights included', () => {
    expect(dueAt(at('2026-12-11T16:00:00Z'), 120, 'CALENDAR_HOURS', DEFAULT_BUSINESS_HOURS)).toEqual(
      at('2026-12-11T18:00:00Z'),
    );
  });

  it('uses the schedule on the business-hours clock', () => {
    expect(dueAt(at('2026-12-11T16:00:00Z'), 120, 'BUSINESS_HOURS', DEFAULT_BUSINESS_HOURS)).toEqual(
      at('2026-12-14T10:00:00Z'),
    );
  });
});
