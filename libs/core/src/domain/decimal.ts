import DecimalJs from 'decimal.js';

/**
 * The one decimal type of Clientele: decimal.js with room for 100 significant digits, so sums
 * and products of `numeric(19,4)` values are exact, and one rounding rule, ROUND_HALF_UP
 * (a tie rounds away from zero: 2.5 → 3, -2.5 → -3). Amounts are never a JS `number`.
 * A configured clone, so no other code's `Decimal.set` can change it.
 */
export const Decimal = DecimalJs.clone({
  precision: 100,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -100,
  toExpPos: 100,
});
export type Decimal = DecimalJs;

/** Plain decimal text: an optional minus, digits, optionally a point and more digits. */
const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/** How many digits a decimal column or field holds, e.g. numeric(19,4) → 15 and 4. */
export interface DecimalLimits {
  /** Digits before the point (precision − scale); unlimited when left out. */
  readonly integerDigits?: number;
  /** Digits after the point; none when 0, unlimited when left out. */
  readonly scale?: number;
  /** Whether a minus sign is allowed (default false). */
  readonly signed?: boolean;
}

/** The text a decimal within `limits` is written as: no exponent, no plus, no spaces. */
export function decimalPattern({ integerDigits, scale, signed = false }: DecimalLimits): RegExp {
  const sign = signed ? '-?' : '';
  const integer = integerDigits === undefined ? '\\d+' : `\\d{1,${integerDigits}}`;
  const fraction = scale === 0 ? '' : scale === undefined ? '(\\.\\d+)?' : `(\\.\\d{1,${scale}})?`;
  return new RegExp(`^${sign}${integer}${fraction}$`);
}

export function isDecimalText(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL_TEXT.test(value);
}

/**
 * A decimal from its text or a `Decimal`; a `number` is refused by type, malformed text (an
 * exponent, `NaN`, hex, spaces) and non-finite values by a `TypeError`: callers validate input
 * first, so reaching this with bad text is a bug, not a client's mistake.
 */
export function toDecimal(value: string | Decimal): Decimal {
  if (typeof value === 'string') {
    if (!DECIMAL_TEXT.test(value)) throw new TypeError(`not a decimal: ${JSON.stringify(value)}`);
    return new Decimal(value);
  }
  if (!value.isFinite()) throw new TypeError(`not a finite decimal: ${value.toString()}`);
  return new Decimal(value);
}

/** The value with exactly `scale` decimals (rounded half-up), as `numeric(p, scale)` holds it. */
export function toFixedScale(value: string | Decimal, scale: number): string {
  return toDecimal(value).toFixed(scale);
}

/**
 * At least `minScale` decimals and no fewer than the value has, so nothing is lost or
 * invented: with 2, `50000.0000` → `50000.00`, `12.1250` → `12.125`. Takes a `numeric`
 * column's text as node-postgres reads it.
 */
export function formatDecimal(value: string | Decimal, minScale: number): string {
  const amount = new Decimal(value);
  return amount.decimalPlaces() <= minScale ? amount.toFixed(minScale) : amount.toFixed();
}

/**
 * A class-transformer `@Transform` for decimal fields that accept a JSON number: a finite
 * number becomes its text before validation (`50000` → `"50000"`; `1e21` → `"1e+21"`, which
 * then fails the pattern); anything else is left for the validator to refuse.
 */
export function decimalTextInput({ value }: { value: unknown }): unknown {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
}

/**
 * The decimal as a JSON number when that number reads back as exactly this decimal (every
 * value with at most 15 significant digits does), else its text — for APIs whose clients
 * expect numbers (Gauzy's `budget`) without losing a digit: `50000.0000` → `50000`,
 * `0.1250` → `0.125`, `123456789012345.6789` → `"123456789012345.6789"`. No arithmetic is
 * done on the number: it is only the decimal's text, parsed once for JSON.
 */
export function decimalAsJsonNumber(value: string | Decimal): number | string {
  const text = new Decimal(value).toFixed();
  const number = Number(text);
  return String(number) === text ? number : text;
}
