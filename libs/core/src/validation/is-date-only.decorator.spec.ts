import { validateSync } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { IsDateOnly, isDateOnly } from './is-date-only.decorator';

class Window {
  @IsDateOnly()
  from: unknown;
}

describe('IsDateOnly', () => {
  it('takes real calendar dates written YYYY-MM-DD only', () => {
    for (const good of ['2026-12-31', '2024-02-29', '0001-01-01']) expect(isDateOnly(good), good).toBe(true);
    for (const bad of [
      '2026-02-30',
      '2025-02-29',
      '2026-13-01',
      '2026-1-01',
      '2026-12-31T00:00:00Z',
      '',
      20261231,
      null,
    ])
      expect(isDateOnly(bad), String(bad)).toBe(false);
  });

  it('answers one message naming the field', () => {
    const window = Object.assign(new Window(), { from: '2026-02-30' });
    expect(validateSync(window).map((error) => Object.values(error.constraints ?? {}))).toEqual([
      ['from must be a date, YYYY-MM-DD'],
    ]);
  });
});
