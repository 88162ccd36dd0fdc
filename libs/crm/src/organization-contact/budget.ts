import { decimalAsJsonNumber, type DecimalLimits, decimalTextInput, toFixedScale } from '@clientele/core';

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
 * The budget as Gauzy's API returns it, a JSON number — whenever that number reads back as
 * exactly the stored decimal (up to 15 significant digits: `50000.0000` → `50000`). A longer
 * value (numeric(19,4) holds 19 digits) comes as its decimal string, so no digit is lost.
 */
export function gauzyBudget(stored: string | null): number | string | null {
  return stored === null ? null : decimalAsJsonNumber(stored);
}
