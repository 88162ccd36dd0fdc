import Decimal from 'decimal.js';

/**
 * A budget is a non-negative decimal stored as numeric(19,4): at most 15 integer digits and
 * 4 decimals. Clients send a JSON number or a numeric string; it is never a float in our code.
 */
export const BUDGET_PATTERN = /^\d{1,15}(\.\d{1,4})?$/;

export const BUDGET_MESSAGE =
  'budget must be a non-negative decimal with at most 15 digits before the point and 4 after, as a number or a string';

/** A JSON number becomes its decimal text before validation; anything else is left to fail it. */
export function budgetInput({ value }: { value: unknown }): unknown {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
}

/** The budget as numeric(19,4) holds it, so what is saved, audited and read back agree. */
export function storedBudget(validated: string): string {
  return new Decimal(validated).toFixed(4);
}

/**
 * The budget as the API returns it: a string with at least two decimals and no more than it
 * has — `50000` → `"50000.00"`, `12.125` → `"12.125"` — so no precision is lost or invented.
 */
export function formatBudget(stored: string | null): string | null {
  if (stored === null) return null;
  const amount = new Decimal(stored);
  return amount.decimalPlaces() <= 2 ? amount.toFixed(2) : amount.toFixed();
}
