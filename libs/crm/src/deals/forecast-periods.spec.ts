import { describe, expect, it } from 'vitest';
import { forecastPeriods, periodKey } from './forecast-periods';

describe('forecast periods', () => {
  it('names the month or quarter a date falls in', () => {
    expect(periodKey('2026-12-31', 'month')).toBe('2026-12');
    expect(periodKey('2026-01-01', 'quarter')).toBe('2026-Q1');
    expect(periodKey('2026-09-30', 'quarter')).toBe('2026-Q3');
    expect(periodKey('2026-10-01', 'quarter')).toBe('2026-Q4');
  });

  it('lists every month from the one holding from to the one holding to, with first and last days', () => {
    expect(forecastPeriods('2026-11-15', '2027-02-03', 'month')).toEqual([
      { key: '2026-11', start: '2026-11-01', end: '2026-11-30' },
      { key: '2026-12', start: '2026-12-01', end: '2026-12-31' },
      { key: '2027-01', start: '2027-01-01', end: '2027-01-31' },
      { key: '2027-02', start: '2027-02-01', end: '2027-02-28' },
    ]);
  });

  it('lists quarters across a year end, leap days included', () => {
    expect(forecastPeriods('2027-11-01', '2028-03-31', 'quarter')).toEqual([
      { key: '2027-Q4', start: '2027-10-01', end: '2027-12-31' },
      { key: '2028-Q1', start: '2028-01-01', end: '2028-03-31' },
    ]);
    expect(forecastPeriods('2028-02-10', '2028-02-10', 'month')).toEqual([
      { key: '2028-02', start: '2028-02-01', end: '2028-02-29' },
    ]);
  });

  it('refuses a range that ends before it starts or spans too many periods', () => {
    expect(() => forecastPeriods('2026-02-01', '2026-01-31', 'month')).toThrow(
      expect.objectContaining({ status: 400 }),
    );
    expect(() => forecastPeriods('2000-01-01', '2026-01-01', 'month')).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });
});
