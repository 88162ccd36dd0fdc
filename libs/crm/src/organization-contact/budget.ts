import { type DecimalLimits, decimalTextInput, formatDecimal, toFixedScale } from '@clientele/core';

/**
 * A contact's budget (hours or an amount, in no currency): a non-negative decimal stored as
 * numeric(19,4) — at most 15 integer digits and 4 decimals. Clients send a JSON number or a
 * numeric string; it is decimal text or a core `Decimal` in our code, never a float.
 */
export const BUDGET_LIMITS = { integerDigits: 15, scale: 4 } as const satisfies DecimalLimits;

export const BUDGET_MESSAGE =
  'budget must be a non-negative decimal with at most 15 digits before the point and 4 after, as a number or a string';

/** A JSON number becomes its decimal text before validation; anything else is left to fail it. */
export const budgetInput = decimalTextInput;

/** The budget as numeric(19,4) holds it, so what is saved, audited and read back agree. */
export function storedBudget(validated: string): string {
  return toFixedScale(validated, BUDGET_LIMITS.scale);
}

/**
 * The budget as the API returns it: a string with at least two decimals and no more than it
 * has — `50000` → `"50000.00"`, `12.125` → `"12.125"` — so no precision is lost or invented.
 */
export function formatBudget(stored: string | null): string | null {
  return stored === null ? null : formatDecimal(stored, 2);
}
