import { type Currency, currency as currencyOf, Decimal, Money, ValidationError } from '@clientele/core';

/** A discount on a line or on the whole document: a percentage, or an amount of the invoice's currency. */
export interface Discount {
  readonly kind: 'PERCENT' | 'AMOUNT';
  /** Decimal text: 0–100 for PERCENT, an amount no finer than the currency's minor units for AMOUNT. */
  readonly value: string;
}

/** A line as sent: quantity and unit price as decimal text, the tax rate in per cent. */
export interface LineInput {
  readonly quantity: string;
  readonly unitPrice: string;
  readonly taxRate: string;
  readonly discount?: Discount | null;
}

export interface DocumentInput {
  readonly currency: string;
  /** Unit prices are gross (tax included): net amounts are derived from them. */
  readonly pricesIncludeTax: boolean;
  readonly lines: readonly LineInput[];
  readonly discount?: Discount | null;
  /**
   * How a line's fields are named in a 400: under `items` (the invoice's own lines, `items.2.unitPrice`)
   * or another list name, or per line (`''` for the line a body sends alone: `unitPrice`).
   */
  readonly field?: string | LineField;
}

/** The prefix of line `index`'s fields in a 400; `''` names them bare. */
export type LineField = (index: number) => string;

/** `name` of line `index` under `field`. */
export function lineFieldName(field: string | LineField, index: number, name: string): string {
  const prefix = typeof field === 'string' ? `${field}.${index}` : field(index);
  return prefix === '' ? name : `${prefix}.${name}`;
}

/** A line's figures, every one in the currency's minor units. */
export interface LineTotals {
  /** quantity × unit price, rounded. */
  readonly amount: Money;
  readonly lineDiscount: Money;
  /** The line's share of the document discount (allocated in proportion to the discounted lines). */
  readonly documentDiscount: Money;
  readonly net: Money;
  readonly tax: Money;
  readonly gross: Money;
}

export interface TaxTotal {
  /** The rate as written canonically: `"20"`, `"7.5"`. */
  readonly rate: string;
  readonly net: Money;
  readonly tax: Money;
}

export interface InvoiceTotals {
  readonly currency: Currency;
  readonly lines: readonly LineTotals[];
  /** Σ line amounts after line discounts, before the document discount (net or gross, as the prices are). */
  readonly subtotal: Money;
  readonly documentDiscount: Money;
  /** Line discounts plus the document discount. */
  readonly discountTotal: Money;
  readonly netTotal: Money;
  readonly taxTotal: Money;
  /** Σ line gross = netTotal + taxTotal. */
  readonly total: Money;
  /** Per tax rate, ascending by rate. */
  readonly taxes: readonly TaxTotal[];
}

/**
 * THE rounding rule of invoices (also in the OpenAPI descriptions and the README): every figure
 * is rounded to the currency's minor units, half-up (a tie away from zero), **per line**, in this
 * order — (1) quantity × unit price; (2) the line's discount (a percentage of (1)); (3) the
 * document discount (a percentage of the subtotal, or an amount), split over the lines in
 * proportion to their discounted amounts with `Money.allocate`, so the shares add up to it
 * exactly; (4) the tax, on the amount after both discounts (discounts come before tax):
 * `tax = round(net × rate / 100)` for net prices, or for tax-inclusive prices
 * `net = round(gross × 100 / (100 + rate))` and `tax = gross − net`. Document figures are sums
 * of the rounded line figures, never rounded again, so every total is exactly the sum of its parts.
 */
export function computeInvoiceTotals(input: DocumentInput): InvoiceTotals {
  const field = input.field ?? 'items';
  const currency = currencyOf(input.currency, 'currency');
  const zero = Money.zero(currency);
  const discounted = input.lines.map((line, index) => {
    const unitPriceField = lineFieldName(field, index, 'unitPrice');
    const amount = Money.of(line.unitPrice, currency, unitPriceField)
      .exact(unitPriceField)
      .multiply(line.quantity)
      .round();
    const lineDiscount = discountOf(amount, line.discount, lineFieldName(field, index, 'discount'));
    return { amount, lineDiscount, after: amount.subtract(lineDiscount) };
  });
  const subtotal = Money.sum(
    discounted.map((line) => line.after),
    currency,
  );
  const documentDiscount = discountOf(subtotal, input.discount, 'discount');
  const shares =
    documentDiscount.isZero() || subtotal.isZero()
      ? discounted.map(() => zero)
      : documentDiscount.allocate(discounted.map((line) => line.after.amount));

  const lines = discounted.map((line, index): LineTotals => {
    const base = line.after.subtract(shares[index] ?? zero);
    const rate = new Decimal(input.lines[index]?.taxRate ?? '0');
    let net: Money;
    let tax: Money;
    if (input.pricesIncludeTax) {
      net = Money.of(base.amount.times(100).dividedBy(rate.plus(100)), currency).round();
      tax = base.subtract(net);
    } else {
      net = base;
      tax = base.percent(rate).round();
    }
    return {
      amount: line.amount,
      lineDiscount: line.lineDiscount,
      documentDiscount: shares[index] ?? zero,
      net,
      tax,
      gross: net.add(tax),
    };
  });

  const byRate = new Map<string, { rate: Decimal; net: Money; tax: Money }>();
  lines.forEach((line, index) => {
    const rate = new Decimal(input.lines[index]?.taxRate ?? '0');
    const key = rate.toFixed();
    const entry = byRate.get(key) ?? { rate, net: zero, tax: zero };
    byRate.set(key, { rate, net: entry.net.add(line.net), tax: entry.tax.add(line.tax) });
  });
  const taxes = [...byRate.entries()]
    .sort(([, a], [, b]) => a.rate.comparedTo(b.rate))
    .map(([rate, { net, tax }]) => ({ rate, net, tax }));

  const netTotal = Money.sum(
    lines.map((line) => line.net),
    currency,
  );
  const taxTotal = Money.sum(
    lines.map((line) => line.tax),
    currency,
  );
  return {
    currency,
    lines,
    subtotal,
    documentDiscount,
    discountTotal: Money.sum(
      discounted.map((line) => line.lineDiscount),
      currency,
    ).add(documentDiscount),
    netTotal,
    taxTotal,
    total: netTotal.add(taxTotal),
    taxes,
  };
}

/** A discount of `amount`, rounded; an AMOUNT discount must be exact and not exceed `amount` (400 on `field`). */
function discountOf(amount: Money, discount: Discount | null | undefined, field: string): Money {
  if (discount === null || discount === undefined) return Money.zero(amount.currency);
  if (discount.kind === 'PERCENT') {
    const percent = new Decimal(discount.value);
    if (percent.greaterThan(100)) {
      throw ValidationError.field(`${field}.value`, 'a percentage discount is at most 100', 'DISCOUNT_TOO_LARGE');
    }
    return amount.percent(percent).round();
  }
  const value = Money.of(discount.value, amount.currency, `${field}.value`).exact(`${field}.value`);
  if (value.greaterThan(amount)) {
    throw ValidationError.field(
      `${field}.value`,
      `the discount must not exceed the amount it applies to (${amount.toString()} ${amount.currencyCode})`,
      'DISCOUNT_TOO_LARGE',
    );
  }
  return value;
}
