import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/domain-error';
import { problemFromError } from '../errors/problem-from-error';
import { CURRENCY_CODES, currency, isCurrencyCode } from './currency';
import { CurrencyMismatchError } from './currency-mismatch.error';
import { Decimal } from './decimal';
import { Money } from './money';
import { UnknownCurrencyError } from './unknown-currency.error';

const usd = (amount: string): Money => Money.of(amount, 'USD');

function strings(amounts: readonly Money[]): string[] {
  return amounts.map((amount) => amount.toString());
}

describe('currency', () => {
  it('knows the minor units of ISO 4217', () => {
    const expected: Record<string, number> = {
      USD: 2,
      EUR: 2,
      GBP: 2,
      CHF: 2,
      JPY: 0,
      KRW: 0,
      CLP: 0,
      ISK: 0,
      VND: 0,
      KWD: 3,
      BHD: 3,
      JOD: 3,
      OMR: 3,
      TND: 3,
      CLF: 4,
    };
    for (const [code, minorUnits] of Object.entries(expected)) {
      expect(currency(code)).toEqual({ code, minorUnits });
    }
    for (const code of ['INR', 'CAD', 'AUD', 'NZD', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF', 'BRL', 'MXN', 'CNY']) {
      expect(currency(code).minorUnits).toBe(2);
    }
    expect(CURRENCY_CODES.length).toBeGreaterThan(150);
    expect([...CURRENCY_CODES].sort()).toEqual(CURRENCY_CODES);
  });

  it('refuses unknown, lower-case and retired codes with a 400 on the field', () => {
    for (const code of ['XYZ', 'usd', 'US', '', 'HRK', 'XAU']) {
      expect(isCurrencyCode(code)).toBe(false);
      expect(() => currency(code)).toThrow(UnknownCurrencyError);
    }
    expect(problemFromError(new UnknownCurrencyError('XYZ', 'dealCurrency')).problem).toEqual({
      type: 'https://clientele.dev/problems/unknown-currency',
      title: 'Validation failed',
      status: 400,
      code: 'UNKNOWN_CURRENCY',
      detail: 'dealCurrency must be an ISO 4217 currency code such as EUR or USD, not "XYZ"',
      errors: [
        {
          field: 'dealCurrency',
          message: 'dealCurrency must be an ISO 4217 currency code such as EUR or USD, not "XYZ"',
        },
      ],
    });
    expect(() => Money.of('1', 'EURO')).toThrow(UnknownCurrencyError);
  });
});

describe('Money', () => {
  it('adds decimals exactly: 0.1 + 0.2 is 0.3', () => {
    const sum = usd('0.1').add(usd('0.2'));
    expect(sum.equals(usd('0.3'))).toBe(true);
    expect(sum.amount.toFixed()).toBe('0.3');
    expect(sum.toString()).toBe('0.30');
    expect(Money.sum([usd('0.1'), usd('0.2'), usd('0.3')], 'USD').toString()).toBe('0.60');
    expect(Money.sum([], 'EUR').toString()).toBe('0.00');
  });

  it('rounds half up, a tie away from zero, to the minor units', () => {
    const cases: readonly (readonly [string, string, string])[] = [
      ['1.005', 'USD', '1.01'],
      ['1.004999', 'USD', '1.00'],
      ['2.675', 'USD', '2.68'],
      ['-1.005', 'USD', '-1.01'],
      ['-1.004', 'USD', '-1.00'],
      ['0.125', 'EUR', '0.13'],
      ['0.5', 'JPY', '1'],
      ['1.5', 'JPY', '2'],
      ['2.5', 'JPY', '3'],
      ['-2.5', 'JPY', '-3'],
      ['1234.4999', 'JPY', '1234'],
      ['1.0005', 'KWD', '1.001'],
      ['1.0004', 'KWD', '1.000'],
      ['-0.0005', 'BHD', '-0.001'],
    ];
    for (const [amount, code, rounded] of cases) {
      const money = Money.of(amount, code);
      expect(money.round().amount.toFixed(), `${amount} ${code}`).toBe(new Decimal(rounded).toFixed());
      expect(money.toString(), `${amount} ${code}`).toBe(rounded);
    }
  });

  it('writes the currency’s scale and converts to and from minor units', () => {
    expect(Money.of('12.5', 'USD').toString()).toBe('12.50');
    expect(Money.of('12', 'KWD').toString()).toBe('12.000');
    expect(Money.of('1234', 'JPY').toString()).toBe('1234');
    expect(Money.of('12.345', 'USD').toMinor()).toBe(1235n);
    expect(Money.of('1234.5', 'JPY').toMinor()).toBe(1235n);
    expect(Money.of('1.2345', 'KWD').toMinor()).toBe(1235n);
    expect(Money.of('-0.015', 'EUR').toMinor()).toBe(-2n);
    expect(Money.fromMinor(1234n, 'USD').toString()).toBe('12.34');
    expect(Money.fromMinor(1234, 'JPY').toString()).toBe('1234');
    expect(Money.fromMinor(1234, 'KWD').toString()).toBe('1.234');
    expect(Money.fromMinor(-5, 'USD').toString()).toBe('-0.05');
    const big = 123456789012345678901234567890n;
    expect(Money.fromMinor(big, 'USD').toMinor()).toBe(big);
    expect(Money.fromMinor(big, 'USD').toString()).toBe('1234567890123456789012345678.90');
  });

  it('multiplies by decimal quantities and takes percentages exactly, rounding only when asked', () => {
    const price = usd('19.99');
    expect(price.multiply('3').toString()).toBe('59.97');
    const line = usd('0.333').multiply('3');
    expect(line.amount.toFixed()).toBe('0.999');
    expect(line.toString()).toBe('1.00');
    expect(usd('200').percent('7.5').toString()).toBe('15.00');
    expect(usd('10.01').percent('50').amount.toFixed()).toBe('5.005');
    expect(usd('10.01').percent('50').round().toString()).toBe('5.01');
    expect(usd('999999999999999.9999').multiply('999999999999999.9999').amount.toFixed()).toBe(
      '999999999999999999800000000000.00000001',
    );
  });

  it('allocates so the parts add up to exactly the rounded amount', () => {
    expect(strings(usd('100').allocate([1, 1, 1]))).toEqual(['33.34', '33.33', '33.33']);
    expect(strings(usd('0.05').allocate(['0.7', '0.3']))).toEqual(['0.04', '0.01']);
    expect(strings(usd('10').allocate(['1', '0', '1']))).toEqual(['5.00', '0.00', '5.00']);
    expect(strings(Money.of('100', 'JPY').allocate([1, 1, 1]))).toEqual(['34', '33', '33']);
    expect(strings(Money.of('1', 'KWD').allocate([1, 2]))).toEqual(['0.333', '0.667']);
    expect(strings(usd('-100').allocate([1, 1, 1]))).toEqual(['-33.34', '-33.33', '-33.33']);
    // Largest remainder first: 2 × 1/6 = 0.33…, 2 × 5/6 = 1.66…, so the spare cent goes to the second.
    expect(strings(usd('0.02').allocate([1, 5]))).toEqual(['0.00', '0.02']);

    const amounts = ['0.01', '1', '99.99', '1234.5678', '-17.35'];
    const ratioSets: readonly (readonly string[])[] = [
      ['1', '1', '1'],
      ['3', '7'],
      ['0.2', '0.3', '0.5'],
      ['1', '2', '3', '4', '5', '6', '7'],
    ];
    for (const amount of amounts) {
      for (const ratios of ratioSets) {
        const parts = usd(amount).allocate(ratios);
        expect(parts).toHaveLength(ratios.length);
        expect(Money.sum(parts, 'USD').equals(usd(amount).round()), `${amount} by ${ratios.join(':')}`).toBe(true);
      }
    }
  });

  it('refuses ratios it cannot split by', () => {
    for (const ratios of [[], ['-1', '2'], [0, 0], [0.5, 0.5], ['1e3']]) {
      expect(() => usd('1').allocate(ratios), JSON.stringify(ratios)).toThrow(ValidationError);
    }
  });

  it('takes a client amount only as exact as the currency: exact() refuses finer ones with AMOUNT_TOO_PRECISE', () => {
    expect(usd('12.50').exact().toString()).toBe('12.50');
    expect(Money.of('1.250', 'KWD').exact('value').amount.toString()).toBe('1.25');
    expect(() => Money.of('12.5', 'JPY').exact('value')).toThrow(
      expect.objectContaining({
        status: 400,
        code: 'AMOUNT_TOO_PRECISE',
        errors: [{ field: 'value', message: 'value must be a whole amount of JPY' }],
      }),
    );
    expect(() => usd('1.005').exact('price')).toThrow(
      expect.objectContaining({ code: 'AMOUNT_TOO_PRECISE', detail: 'price must have at most 2 decimals in USD' }),
    );
  });

  it('compares and tells zero, negative and positive apart', () => {
    expect(usd('1.10').compare(usd('1.1'))).toBe(0);
    expect(usd('1.10').equals(usd('1.1'))).toBe(true);
    expect(usd('1.001').greaterThan(usd('1'))).toBe(true);
    expect(usd('-1').lessThan(usd('0'))).toBe(true);
    expect(usd('0').isZero()).toBe(true);
    expect(usd('-0').isZero()).toBe(true);
    expect(usd('-0').isNegative()).toBe(false);
    expect(usd('-0.001').isNegative()).toBe(true);
    expect(usd('0.001').isPositive()).toBe(true);
    expect(usd('0').isPositive()).toBe(false);
    expect(usd('5').subtract(usd('7.5')).toString()).toBe('-2.50');
    expect(usd('5').negate().toString()).toBe('-5.00');
  });

  it('refuses to combine currencies, as a typed 422', () => {
    const eur = Money.of('1', 'EUR');
    for (const combine of [
      () => usd('1').add(eur),
      () => usd('1').subtract(eur),
      () => usd('1').compare(eur),
      () => Money.sum([eur], 'USD'),
    ]) {
      expect(combine).toThrow(CurrencyMismatchError);
    }
    try {
      usd('1').add(eur);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ expected: 'USD', actual: 'EUR' });
      expect(problemFromError(error).problem).toEqual({
        type: 'https://clientele.dev/problems/currency-mismatch',
        title: 'Unprocessable content',
        status: 422,
        code: 'CURRENCY_MISMATCH',
        detail: 'Amounts in USD and EUR cannot be combined.',
        expectedCurrency: 'USD',
        actualCurrency: 'EUR',
      });
    }
  });

  it('takes only decimal text, Decimals and integer minor units, never floats', () => {
    for (const bad of ['1e3', 'abc', '', ' 1', '1.', '.5', '+1', 'NaN', 'Infinity', '0x10']) {
      expect(() => Money.of(bad, 'USD'), bad).toThrow(ValidationError);
    }
    expect(() => Money.of(new Decimal(NaN), 'USD')).toThrow(ValidationError);
    expect(() => Money.fromMinor(1.5, 'USD')).toThrow(ValidationError);
    expect(() => Money.fromMinor(Number.MAX_SAFE_INTEGER + 1, 'USD')).toThrow(ValidationError);
    expect(() => usd('1').multiply('1e2')).toThrow(ValidationError);
    expect(Money.of(new Decimal('12.5'), 'USD').toString()).toBe('12.50');
    expect(Money.of('1', currency('JPY')).currencyCode).toBe('JPY');
  });

  it('is immutable: arithmetic returns new values', () => {
    const base = usd('10');
    base.add(usd('1'));
    base.multiply('2');
    base.round();
    expect(base.toString()).toBe('10.00');
    expect(Object.isFrozen(base.currency)).toBe(true);
  });
});
