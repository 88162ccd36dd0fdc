import { currency as currencyOf, formatDecimal, isCurrencyCode } from '@clientele/core';

/**
 * A decimal sum from PostgreSQL (`numeric` text, exact) as the API writes it: at least the
 * currency's minor units, never fewer digits than the sum has (a weighted value of 0.0033 stays
 * 0.0033). Sums are computed in SQL on `numeric`, never in JavaScript numbers.
 */
export function sumText(sum: string | null, currency: string): string {
  const minorUnits = isCurrencyCode(currency) ? currencyOf(currency).minorUnits : 2;
  return formatDecimal(sum ?? '0', minorUnits);
}

/**
 * SQL for a deal's weighted value: value × its probability (its own, else its stage's) / 100,
 * exact (× 0.01: a numeric product keeps every digit, where a quotient may round).
 */
export function weightedValueSql(dealAlias: string, stageAlias: string): string {
  return `${dealAlias}.value * coalesce(${dealAlias}.probability, ${stageAlias}.probability) * 0.01`;
}
