import { describe, expect, it } from 'vitest';
import { dealValueText, storedDealValue } from './deal-value';

describe('deal value', () => {
  it('keeps the value as decimal text at the column scale', () => {
    expect(storedDealValue('12500', 'USD')).toBe('12500.0000');
    expect(storedDealValue('0.10', 'EUR')).toBe('0.1000');
    expect(storedDealValue('1.234', 'KWD')).toBe('1.2340');
  });

  it('respects the currency minor units: JPY 0, KWD 3', () => {
    expect(() => storedDealValue('12.5', 'JPY')).toThrow(
      expect.objectContaining({
        status: 400,
        code: 'AMOUNT_TOO_PRECISE',
        detail: 'value must be a whole amount of JPY',
      }),
    );
    expect(() => storedDealValue('1.2345', 'KWD')).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => storedDealValue('1.005', 'USD')).toThrow(expect.objectContaining({ status: 400 }));
    expect(storedDealValue('12500', 'JPY')).toBe('12500.0000');
  });

  it('refuses negative, malformed and unknown-currency values', () => {
    expect(() => storedDealValue('-1', 'USD')).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => storedDealValue('1e3', 'USD')).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
    expect(() => storedDealValue('10', 'XXX')).toThrow(expect.objectContaining({ code: 'UNKNOWN_CURRENCY' }));
  });

  it('writes the stored value in the currency minor units', () => {
    expect(dealValueText('12500.0000', 'USD')).toBe('12500.00');
    expect(dealValueText('12500.0000', 'JPY')).toBe('12500');
    expect(dealValueText('1.2500', 'KWD')).toBe('1.250');
  });
});
