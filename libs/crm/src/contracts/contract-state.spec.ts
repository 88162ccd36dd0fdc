import { describe, expect, it } from 'vitest';
import { addDays, contractState, utcDate } from './contract-state';

describe('contractState', () => {
  const today = '2026-12-07';

  it('is PENDING before the start', () => {
    expect(contractState('2026-12-08', '2027-12-31', today)).toBe('PENDING');
  });

  it('is ACTIVE in force with more than 30 days left', () => {
    expect(contractState('2026-01-01', '2027-01-07', today)).toBe('ACTIVE');
    expect(contractState(today, '2027-12-31', today)).toBe('ACTIVE');
  });

  it('is EXPIRING when it ends within 30 days, the end day included', () => {
    expect(contractState('2026-01-01', '2027-01-06', today)).toBe('EXPIRING');
    expect(contractState('2026-01-01', today, today)).toBe('EXPIRING');
  });

  it('is EXPIRED after its end', () => {
    expect(contractState('2026-01-01', '2026-12-06', today)).toBe('EXPIRED');
  });
});

describe('addDays and utcDate', () => {
  it('crosses months and years', () => {
    expect(addDays('2026-12-07', 30)).toBe('2027-01-06');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('takes the UTC date of an instant', () => {
    expect(utcDate(new Date('2026-12-07T23:59:59.999Z'))).toBe('2026-12-07');
  });
});
