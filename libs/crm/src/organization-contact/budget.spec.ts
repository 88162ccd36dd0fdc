import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { BUDGET_MESSAGE, gauzyBudget, storedBudget } from './budget';
import { CreateOrganizationContactDto } from './dto/create-organization-contact.dto';

/** The budget's messages when `value` is sent as the budget of a Gauzy contact body. */
function budgetErrors(value: unknown): string[] {
  const dto = plainToInstance(CreateOrganizationContactDto, { name: 'Acme', budget: value });
  return validateSync(dto)
    .filter((error) => error.property === 'budget')
    .flatMap((error) => Object.values(error.constraints ?? {}));
}

describe('budget', () => {
  it('accepts JSON numbers and numeric strings up to 4 decimals, and nothing negative or exponential', () => {
    for (const ok of [50000, '50000', '50000.5', 0, '0.0001', '999999999999999.9999', null]) {
      expect(budgetErrors(ok), String(ok)).toEqual([]);
    }
    for (const bad of [-1, '-1', '1.23456', 1e21, '1e3', 'abc', '', '1234567890123456', true, ['1']]) {
      expect(budgetErrors(bad), String(bad)).toEqual([BUDGET_MESSAGE]);
    }
  });

  it('stores with the column scale', () => {
    expect(storedBudget('50000')).toBe('50000.0000');
    expect(storedBudget('0.125')).toBe('0.1250');
  });

  it('answers a JSON number where it is exactly the stored decimal, else the decimal string', () => {
    expect(gauzyBudget('50000.0000')).toBe(50000);
    expect(gauzyBudget('12.5000')).toBe(12.5);
    expect(gauzyBudget('12.1250')).toBe(12.125);
    expect(gauzyBudget('0.0001')).toBe(0.0001);
    expect(gauzyBudget('999999999999999.9999')).toBe('999999999999999.9999');
    expect(gauzyBudget(null)).toBeNull();
  });
});
