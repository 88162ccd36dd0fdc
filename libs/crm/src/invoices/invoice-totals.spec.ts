import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, Money } from '@clientele/core';
import { computeInvoiceTotals, type Discount, type DocumentInput, type LineInput } from './invoice-totals';

const CURRENCIES = ['JPY', 'GBP', 'EUR', 'KWD'] as const;
const MINOR = { JPY: 0, GBP: 2, EUR: 2, KWD: 3 } as const;

const decimalText = (maxUnits: number, scale: number): fc.Arbitrary<string> =>
  fc
    .tuple(fc.integer({ min: 0, max: maxUnits }), fc.integer({ min: 0, max: 10 ** scale - 1 }))
    .map(([units, fraction]) => (scale === 0 ? `${units}` : `${units}.${String(fraction).padStart(scale, '0')}`));

const percentDiscount: fc.Arbitrary<Discount> = decimalText(100, 2)
  .filter((value) => new Decimal(value).lte(100))
  .map((value) => ({ kind: 'PERCENT', value }));

function document(code: (typeof CURRENCIES)[number]): fc.Arbitrary<DocumentInput> {
  const line: fc.Arbitrary<LineInput> = fc.record({
    quantity: decimalText(1000, 4).filter((value) => !new Decimal(value).isZero()),
    unitPrice: decimalText(100_000, MINOR[code]),
    taxRate: fc.constantFrom('0', '5', '7.5', '19', '20', '25'),
    discount: fc.option(percentDiscount, { nil: null }),
  });
  return fc.record({
    currency: fc.constant(code),
    pricesIncludeTax: fc.boolean(),
    lines: fc.array(line, { minLength: 1, maxLength: 8 }),
    discount: fc.option(percentDiscount, { nil: null }),
  });
}

const anyDocument = fc.constantFrom(...CURRENCIES).chain(document);

const decimals = (money: Money): number => money.amount.decimalPlaces();

describe('computeInvoiceTotals', () => {
  it('totals equal the sum of their parts exactly, in every currency’s minor units', () => {
    fc.assert(
      fc.property(anyDocument, (input) => {
        const totals = computeInvoiceTotals(input);
        const minor = totals.currency.minorUnits;
        const sum = (pick: (line: (typeof totals.lines)[number]) => Money): Money =>
          Money.sum(totals.lines.map(pick), totals.currency);
        expect(totals.total.equals(sum((line) => line.gross))).toBe(true);
        expect(totals.total.equals(totals.netTotal.add(totals.taxTotal))).toBe(true);
        expect(totals.netTotal.equals(sum((line) => line.net))).toBe(true);
        expect(totals.taxTotal.equals(sum((line) => line.tax))).toBe(true);
        expect(totals.documentDiscount.equals(sum((line) => line.documentDiscount))).toBe(true);
        expect(
          Money.sum(
            totals.taxes.map((tax) => tax.tax),
            totals.currency,
          ).equals(totals.taxTotal),
        ).toBe(true);
        expect(
          Money.sum(
            totals.taxes.map((tax) => tax.net),
            totals.currency,
          ).equals(totals.netTotal),
        ).toBe(true);
        // Discounts come before tax: what is left after them is net (net prices) or gross (inclusive prices).
        const afterDiscount = totals.subtotal.subtract(totals.documentDiscount);
        expect(afterDiscount.equals(input.pricesIncludeTax ? totals.total : totals.netTotal)).toBe(true);
        for (const line of totals.lines) {
          for (const figure of [
            line.amount,
            line.lineDiscount,
            line.documentDiscount,
            line.net,
            line.tax,
            line.gross,
          ]) {
            expect(decimals(figure)).toBeLessThanOrEqual(minor);
            expect(figure.isNegative()).toBe(false);
          }
          expect(line.gross.equals(line.net.add(line.tax))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('applies the discount before the tax', () => {
    const totals = computeInvoiceTotals({
      currency: 'GBP',
      pricesIncludeTax: false,
      lines: [{ quantity: '1', unitPrice: '100.00', taxRate: '20', discount: { kind: 'PERCENT', value: '10' } }],
      discount: { kind: 'AMOUNT', value: '10.00' },
    });
    expect(totals.subtotal.toString()).toBe('90.00');
    expect(totals.netTotal.toString()).toBe('80.00');
    expect(totals.taxTotal.toString()).toBe('16.00');
    expect(totals.total.toString()).toBe('96.00');
    expect(totals.discountTotal.toString()).toBe('20.00');
  });

  it('rounds each line’s tax half-up to the minor unit (1.005 → 1.01), never the document again', () => {
    const totals = computeInvoiceTotals({
      currency: 'EUR',
      pricesIncludeTax: false,
      lines: [
        { quantity: '1', unitPrice: '0.05', taxRate: '10' },
        { quantity: '1', unitPrice: '0.05', taxRate: '10' },
        { quantity: '3', unitPrice: '3.35', taxRate: '10' },
      ],
    });
    expect(totals.lines.map((line) => line.tax.toString())).toEqual(['0.01', '0.01', '1.01']);
    expect(totals.taxTotal.toString()).toBe('1.03');
    expect(totals.total.toString()).toBe('11.18');
  });

  it('derives net amounts from tax-inclusive prices so net + tax is the gross exactly', () => {
    const totals = computeInvoiceTotals({
      currency: 'GBP',
      pricesIncludeTax: true,
      lines: [{ quantity: '3', unitPrice: '9.99', taxRate: '20' }],
    });
    expect(totals.total.toString()).toBe('29.97');
    expect(totals.netTotal.toString()).toBe('24.98');
    expect(totals.taxTotal.toString()).toBe('4.99');
  });

  it('speaks in each currency’s minor units: JPY whole, KWD three decimals', () => {
    const jpy = computeInvoiceTotals({
      currency: 'JPY',
      pricesIncludeTax: false,
      lines: [{ quantity: '1.5', unitPrice: '333', taxRate: '10' }],
    });
    expect([jpy.netTotal.toString(), jpy.taxTotal.toString(), jpy.total.toString()]).toEqual(['500', '50', '550']);
    const kwd = computeInvoiceTotals({
      currency: 'KWD',
      pricesIncludeTax: false,
      lines: [{ quantity: '1', unitPrice: '1.234', taxRate: '5' }],
    });
    expect(kwd.total.toString()).toBe('1.296');
  });

  it('splits a document discount amount over the lines so the shares add up to it', () => {
    const totals = computeInvoiceTotals({
      currency: 'GBP',
      pricesIncludeTax: false,
      lines: [
        { quantity: '1', unitPrice: '10.00', taxRate: '20' },
        { quantity: '1', unitPrice: '10.00', taxRate: '0' },
        { quantity: '1', unitPrice: '10.00', taxRate: '5' },
      ],
      discount: { kind: 'AMOUNT', value: '1.00' },
    });
    expect(totals.lines.map((line) => line.documentDiscount.toString())).toEqual(['0.34', '0.33', '0.33']);
    expect(totals.taxes.map((tax) => [tax.rate, tax.net.toString(), tax.tax.toString()])).toEqual([
      ['0', '9.67', '0.00'],
      ['5', '9.67', '0.48'],
      ['20', '9.66', '1.93'],
    ]);
  });

  it('refuses a discount larger than what it applies to, or an amount finer than the currency', () => {
    const line = { quantity: '1', unitPrice: '10.00', taxRate: '0' };
    expect(() =>
      computeInvoiceTotals({
        currency: 'GBP',
        pricesIncludeTax: false,
        lines: [line],
        discount: { kind: 'AMOUNT', value: '10.01' },
      }),
    ).toThrow(/must not exceed/);
    expect(() =>
      computeInvoiceTotals({
        currency: 'GBP',
        pricesIncludeTax: false,
        lines: [{ ...line, discount: { kind: 'AMOUNT', value: '1.005' } }],
      }),
    ).toThrow(/at most 2 decimals/);
    expect(() =>
      computeInvoiceTotals({ currency: 'JPY', pricesIncludeTax: false, lines: [{ ...line, unitPrice: '10.5' }] }),
    ).toThrow(/whole amount/);
  });
});
