import { describe, expect, it } from 'vitest';
import { breachedTargets } from './ticket-sla';

const at = (iso: string): Date => new Date(iso);
const due = { firstResponseDueAt: at('2026-12-07T10:00:00Z'), resolutionDueAt: at('2026-12-07T17:00:00Z') };

describe('breachedTargets', () => {
  it('is empty without due times', () => {
    expect(
      breachedTargets(
        { firstResponseDueAt: null, resolutionDueAt: null, firstRespondedAt: null, resolvedAt: null },
        at('2030-01-01T00:00:00Z'),
      ),
    ).toEqual([]);
  });

  it('is empty before the due times when nothing is met yet', () => {
    expect(breachedTargets({ ...due, firstRespondedAt: null, resolvedAt: null }, at('2026-12-07T09:59:59Z'))).toEqual(
      [],
    );
  });

  it('breaches an unmet target once its due time has passed', () => {
    expect(breachedTargets({ ...due, firstRespondedAt: null, resolvedAt: null }, at('2026-12-07T10:00:01Z'))).toEqual([
      'FIRST_RESPONSE',
    ]);
    expect(breachedTargets({ ...due, firstRespondedAt: null, resolvedAt: null }, at('2026-12-08T00:00:00Z'))).toEqual([
      'FIRST_RESPONSE',
      'RESOLUTION',
    ]);
  });

  it('judges a met target by when it was met, whatever the time now', () => {
    const onTime = { ...due, firstRespondedAt: at('2026-12-07T09:00:00Z'), resolvedAt: at('2026-12-07T16:00:00Z') };
    expect(breachedTargets(onTime, at('2030-01-01T00:00:00Z'))).toEqual([]);
    const late = { ...due, firstRespondedAt: at('2026-12-07T10:30:00Z'), resolvedAt: at('2026-12-07T18:00:00Z') };
    expect(breachedTargets(late, at('2026-12-07T18:00:00Z'))).toEqual(['FIRST_RESPONSE', 'RESOLUTION']);
  });
});
