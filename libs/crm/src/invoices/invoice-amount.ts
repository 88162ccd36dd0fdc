import { decimalPattern } from '@clientele/core';

/** `numeric(19,4)`: amounts and unit prices, no sign. */
export const AMOUNT_LIMITS = { integerDigits: 15, scale: 4 } as const;
export const AMOUNT_PATTERN = decimalPattern(AMOUNT_LIMITS).source;
/** Quantities: up to 4 decimals. */
export const QUANTITY_LIMITS = { integerDigits: 11, scale: 4 } as const;
export const QUANTITY_PATTERN = decimalPattern(QUANTITY_LIMITS).source;
/** Tax rates and percentages: 0–100 (checked beside), up to 4 decimals. */
export const PERCENT_LIMITS = { integerDigits: 3, scale: 4 } as const;
export const PERCENT_PATTERN = decimalPattern(PERCENT_LIMITS).source;

/** As many lines as one invoice carries, inline or added through `…/items`. */
export const MAX_INVOICE_ITEMS = 200;

/** The rounding rule, as the OpenAPI descriptions state it (the code: `computeInvoiceTotals`). */
export const ROUNDING_RULE =
  'Totals are computed by the server, never sent: each line is rounded to the currency’s minor units ' +
  '(JPY 0, GBP 2, KWD 3) half-up — quantity × unit price, then the line discount, then its share of the ' +
  'document discount (split in proportion to the lines), then the tax on what is left (discounts before ' +
  'tax; with pricesIncludeTax the net is derived as gross × 100 / (100 + rate) and tax = gross − net). ' +
  'Document totals are sums of the rounded lines, never rounded again.';
