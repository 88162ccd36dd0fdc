import { ValidationError } from '../errors/domain-error';
import { type Currency, currency as currencyOf, type CurrencyCode } from './currency';
import { CurrencyMismatchError } from './currency-mismatch.error';
import { Decimal, isDecimalText } from './decimal';

/** A currency as its ISO code (checked against the table) or as `currency(code)` returned it. */
export type CurrencyLike = string | Currency;

/** A quantity, rate or ratio: decimal text or a `Decimal`, never a float. */
export type DecimalLike = string | Decimal;

const INVALID_AMOUNT = 'INVALID_AMOUNT';

/**
 * An amount of one ISO 4217 currency, immutable, with decimal arithmetic that never goes
 * through a JS `number` (0.1 + 0.2 is 0.3).
 *
 * The amount is exact: `multiply` and `percent` may leave more decimals than the currency has
 * (a unit price × a quantity). **One rounding rule** brings it to the currency's minor units —
 * ROUND_HALF_UP: to the nearest minor unit, a tie away from zero (1.005 USD → 1.01,
 * -1.005 → -1.01, 0.5 JPY → 1) — and it is applied by `round()`, and by `toString()`,
 * `toMinor()` and `allocate()`, which always speak in minor units.
 *
 * Values Money cannot take (`"1e3"`, `"abc"`, `1.5` minor units, an unknown currency) are a 400
 * (`INVALID_AMOUNT` / `UNKNOWN_CURRENCY`); amounts of two currencies meeting is a 422
 * (`CurrencyMismatchError`).
 */
export class Money {
  private constructor(
    /** The exact amount, possibly finer than the currency's minor units. */
    readonly amount: Decimal,
    readonly currency: Currency,
  ) {}

  /** From decimal text (`"12.50"`, `"-3"`) or a `Decimal`; `field` names it in a 400. */
  static of(amount: DecimalLike, currency: CurrencyLike, field = 'amount'): Money {
    return new Money(decimal(amount, field), resolve(currency));
  }

  /** From an integer count of minor units: `fromMinor(1234n, 'USD')` is 12.34 USD. */
  static fromMinor(minor: bigint | number, currency: CurrencyLike): Money {
    if (typeof minor === 'number' && !Number.isSafeInteger(minor)) {
      throw ValidationError.field('amount', `amount in minor units must be an integer, not ${minor}`, INVALID_AMOUNT);
    }
    const resolved = resolve(currency);
    return new Money(new Decimal(minor.toString()).dividedBy(minorUnitsPerUnit(resolved)), resolved);
  }

  static zero(currency: CurrencyLike): Money {
    return new Money(new Decimal(0), resolve(currency));
  }

  /** The exact sum of amounts of one currency; zero of `currency` for none. */
  static sum(amounts: readonly Money[], currency: CurrencyLike): Money {
    return amounts.reduce((total, amount) => total.add(amount), Money.zero(currency));
  }

  get currencyCode(): CurrencyCode {
    return this.currency.code;
  }

  add(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(this.amount.plus(other.amount), this.currency);
  }

  subtract(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(this.amount.minus(other.amount), this.currency);
  }

  /** Times a quantity or rate (`"1.5"`), exactly; `round()` when it becomes an amount to keep. */
  multiply(by: DecimalLike): Money {
    return new Money(this.amount.times(decimal(by, 'quantity')), this.currency);
  }

  /** `percent` per cent of the amount (`"20"` → a fifth, `"7.5"`), exactly. */
  percent(percent: DecimalLike): Money {
    return new Money(this.amount.times(decimal(percent, 'percent')).dividedBy(100), this.currency);
  }

  negate(): Money {
    return new Money(this.amount.negated(), this.currency);
  }

  /**
   * The amount as a client sent it, which must not be finer than the currency's minor units
   * (`"12.5"` JPY, `"1.234"` EUR): a 400 `AMOUNT_TOO_PRECISE` on `field`, never silently rounded.
   */
  exact(field = 'amount'): Money {
    const { minorUnits, code } = this.currency;
    if (this.amount.decimalPlaces() <= minorUnits) return this;
    throw ValidationError.field(
      field,
      minorUnits === 0
        ? `${field} must be a whole amount of ${code}`
        : `${field} must have at most ${minorUnits} decimals in ${code}`,
      'AMOUNT_TOO_PRECISE',
    );
  }

  /** To the currency's minor units with ROUND_HALF_UP (a tie rounds away from zero). */
  round(): Money {
    return new Money(this.amount.toDecimalPlaces(this.currency.minorUnits, Decimal.ROUND_HALF_UP), this.currency);
  }

  /**
   * The rounded amount split in proportion to `ratios` (`[1, 1, 1]`, `["70", "30"]`), in minor
   * units that add up to exactly the rounded amount: each part gets its share rounded down and
   * the minor units left over go one each to the parts with the largest remainders (the first
   * of equal ones). A negative amount splits as its absolute value, negated.
   */
  allocate(ratios: readonly (DecimalLike | number)[]): Money[] {
    const weights = allocationWeights(ratios);
    const total = weights.reduce((sum, weight) => sum + weight, 0n);
    const minor = this.toMinor();
    const sign = minor < 0n ? -1n : 1n;
    const whole = minor * sign;
    const shares = weights.map((weight) => (whole * weight) / total);
    let left = whole - shares.reduce((sum, share) => sum + share, 0n);
    const byRemainder = weights
      .map((weight, index) => ({ index, remainder: (whole * weight) % total }))
      .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
    for (const { index } of byRemainder) {
      if (left === 0n) break;
      shares[index] += 1n;
      left -= 1n;
    }
    return shares.map((share) => Money.fromMinor(share * sign, this.currency));
  }

  /** The rounded amount as an integer count of minor units (12.345 USD → 1235n). */
  toMinor(): bigint {
    return BigInt(this.amount.times(minorUnitsPerUnit(this.currency)).toFixed(0, Decimal.ROUND_HALF_UP));
  }

  /** The rounded amount with exactly the currency's decimals: `"12.50"`, `"1235"` (JPY), `"1.250"` (KWD). */
  toString(): string {
    return this.amount.toFixed(this.currency.minorUnits, Decimal.ROUND_HALF_UP);
  }

  /** -1, 0 or 1, on the exact amounts. */
  compare(other: Money): -1 | 0 | 1 {
    this.assertSameCurrency(other);
    const order = this.amount.comparedTo(other.amount);
    return order < 0 ? -1 : order > 0 ? 1 : 0;
  }

  equals(other: Money): boolean {
    return this.compare(other) === 0;
  }

  greaterThan(other: Money): boolean {
    return this.compare(other) > 0;
  }

  lessThan(other: Money): boolean {
    return this.compare(other) < 0;
  }

  isZero(): boolean {
    return this.amount.isZero();
  }

  isNegative(): boolean {
    return this.amount.isNegative() && !this.amount.isZero();
  }

  isPositive(): boolean {
    return this.amount.isPositive() && !this.amount.isZero();
  }

  private assertSameCurrency(other: Money): void {
    if (other.currency.code !== this.currency.code) {
      throw new CurrencyMismatchError(this.currency.code, other.currency.code);
    }
  }
}

function resolve(currency: CurrencyLike): Currency {
  return currencyOf(typeof currency === 'string' ? currency : currency.code);
}

/** 100 for USD, 1 for JPY, 1000 for KWD. */
function minorUnitsPerUnit(currency: Currency): Decimal {
  return new Decimal(10).toPower(currency.minorUnits);
}

function decimal(value: DecimalLike, field: string): Decimal {
  if (typeof value === 'string' ? isDecimalText(value) : Decimal.isDecimal(value) && value.isFinite()) {
    return new Decimal(value);
  }
  throw ValidationError.field(field, `${field} must be a decimal such as 12.50`, INVALID_AMOUNT);
}

/** Ratios as integers of one scale (`["0.5", "1.25"]` → `[50n, 125n]`), all ≥ 0, not all 0. */
function allocationWeights(ratios: readonly (DecimalLike | number)[]): bigint[] {
  const decimals = ratios.map((ratio) => {
    if (typeof ratio === 'number') {
      if (Number.isSafeInteger(ratio)) return new Decimal(ratio);
      throw ValidationError.field('ratios', 'ratios given as numbers must be integers', 'INVALID_RATIO');
    }
    return decimal(ratio, 'ratios');
  });
  if (decimals.length === 0 || decimals.some((ratio) => ratio.isNegative() && !ratio.isZero())) {
    throw ValidationError.field('ratios', 'ratios must be one or more non-negative numbers', 'INVALID_RATIO');
  }
  const scale = Math.max(...decimals.map((ratio) => ratio.decimalPlaces()));
  const weights = decimals.map((ratio) => BigInt(ratio.times(new Decimal(10).toPower(scale)).toFixed(0)));
  if (weights.every((weight) => weight === 0n)) {
    throw ValidationError.field('ratios', 'ratios must not all be zero', 'INVALID_RATIO');
  }
  return weights;
}
