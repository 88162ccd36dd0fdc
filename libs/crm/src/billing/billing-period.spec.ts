import { describe, expect, it } from 'vitest';
import { billDate, isTimeZone, localDate, nextBillDate, periodAt } from './billing-period';

describe('billing periods', () => {
  it('judges the period in the customer’s time zone at the month edges', () => {
    const instant = new Date('2026-11-30T23:30:00Z');
    expect(periodAt(instant, 'UTC')).toBe('2026-11');
    expect(periodAt(instant, 'Europe/Berlin')).toBe('2026-12');
    expect(periodAt(new Date('2026-12-01T03:00:00Z'), 'America/Los_Angeles')).toBe('2026-11');
    expect(localDate(new Date('2026-12-31T14:00:00Z'), 'Pacific/Auckland')).toBe('2027-01-01');
  });

  it('names the bill date and the next one', () => {
    expect(billDate('2026-12', 1)).toBe('2026-12-01');
    expect(nextBillDate(new Date('2026-12-04T12:00:00Z'), 'UTC', 1)).toBe('2027-01-01');
    expect(nextBillDate(new Date('2026-12-04T12:00:00Z'), 'UTC', 4)).toBe('2026-12-04');
    expect(nextBillDate(new Date('2026-11-15T12:00:00Z'), 'UTC', 28)).toBe('2026-11-28');
  });

  it('knows IANA zones', () => {
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
