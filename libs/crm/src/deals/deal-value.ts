import { currency as currencyOf, Decimal, decimalPattern, Money, ValidationError } from '@clientele/core';

/** `numeric(19,4)`: what the value column holds. */
export const DEAL_VALUE_LIMITS = { integerDigits: 15, scale: 4 } as const;

/** The value's text, as the OpenAPI document states it. */
export const DEAL_VALUE_PATTERN = decimalPattern(DEAL_VALUE_LIMITS).source;

/**
 * The value of a deal in `currency`, checked: decimal text, not negative, and no finer than the
 * currency's minor units (JPY 0 decimals, USD 2, KWD 3) — `"12.5"` JPY is a 400 on `value`,
 * never silently rounded. Returns the stored text (`numeric(19,4)`).
 */
export function storedDealValue(value: string, currency: string): string {
  const money = Money.of(value, currencyOf(currency, 'currency'), 'value').exact('value');
  if (money.isNegative()) throw ValidationError.field('value', 'value must not be negative');
  return money.amount.toFixed(DEAL_VALUE_LIMITS.scale);
}

/** The stored value as the API writes it: the currency's minor units (`"12500.00"`, `"12500"` JPY, `"1.250"` KWD). */
export function dealValueText(stored: string, currency: string): string {
  return Money.of(new Decimal(stored), currency).toString();
}
