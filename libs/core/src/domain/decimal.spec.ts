import { plainToInstance, Transform } from 'class-transformer';
import { validateSync } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { DECIMAL_COLUMN } from '../database/decimal-column.transformer';
import { IsDecimalString } from '../validation/is-decimal-string.decorator';
import {
  Decimal,
  decimalAsJsonNumber,
  decimalPattern,
  decimalTextInput,
  formatDecimal,
  isDecimalText,
  toDecimal,
  toFixedScale,
} from './decimal';

describe('decimal', () => {
  it('rounds half up, a tie away from zero, whatever decimal.js is set to elsewhere', () => {
    expect(new Decimal('2.5').toFixed(0)).toBe('3');
    expect(new Decimal('-2.5').toFixed(0)).toBe('-3');
    expect(toFixedScale('0.00005', 4)).toBe('0.0001');
    expect(toFixedScale('-0.00005', 4)).toBe('-0.0001');
    expect(new Decimal('0.1').plus('0.2').toFixed()).toBe('0.3');
    expect(new Decimal(1).dividedBy(3).toFixed().length).toBe(102);
  });

  it('builds the pattern of a numeric(p, s) column', () => {
    const budget = decimalPattern({ integerDigits: 15, scale: 4 });
    expect(budget.source).toBe('^\\d{1,15}(\\.\\d{1,4})?$');
    expect(decimalPattern({ scale: 0, signed: true }).source).toBe('^-?\\d+$');
    expect(decimalPattern({}).source).toBe('^\\d+(\\.\\d+)?$');
  });

  it('takes plain decimal text only', () => {
    for (const ok of ['0', '-0', '12', '12.50', '-3.1415']) expect(isDecimalText(ok), ok).toBe(true);
    for (const bad of ['1e3', '', ' 1', '1.', '.5', '+1', 'NaN', 'Infinity', '0x10', 12, null]) {
      expect(isDecimalText(bad), String(bad)).toBe(false);
    }
    expect(() => toDecimal('1e3')).toThrow(TypeError);
    expect(() => toDecimal(new Decimal(Infinity))).toThrow(TypeError);
  });

  it('formats with at least the minimum scale and no precision lost', () => {
    expect(formatDecimal('50000.0000', 2)).toBe('50000.00');
    expect(formatDecimal('12.1250', 2)).toBe('12.125');
    expect(formatDecimal('0.0001', 2)).toBe('0.0001');
    expect(formatDecimal('999999999999999.9999', 2)).toBe('999999999999999.9999');
    expect(formatDecimal('12', 0)).toBe('12');
  });

  it('turns a JSON number into its text before validation, and leaves the rest', () => {
    expect(decimalTextInput({ value: 50000 })).toBe('50000');
    expect(decimalTextInput({ value: 1e21 })).toBe('1e+21');
    expect(decimalTextInput({ value: '12.5' })).toBe('12.5');
    expect(decimalTextInput({ value: true })).toBe(true);
  });

  it('answers a JSON number only where it reads back as exactly the decimal', () => {
    expect(decimalAsJsonNumber('50000.0000')).toBe(50000);
    expect(decimalAsJsonNumber('0.1250')).toBe(0.125);
    expect(decimalAsJsonNumber('0.0001')).toBe(0.0001);
    expect(decimalAsJsonNumber('0.0000')).toBe(0);
    expect(decimalAsJsonNumber('999999999999999.0000')).toBe(999999999999999);
    expect(decimalAsJsonNumber('12345678901.2345')).toBe(12345678901.2345);
    expect(decimalAsJsonNumber('999999999999999.9999')).toBe('999999999999999.9999');
    expect(decimalAsJsonNumber('123456789012345.6789')).toBe('123456789012345.6789');
  });
});

class PriceDto {
  @Transform(decimalTextInput)
  @IsDecimalString({ integerDigits: 5, scale: 2, signed: true })
  price: unknown;
}

describe('IsDecimalString', () => {
  const errors = (price: unknown): string[] =>
    validateSync(plainToInstance(PriceDto, { price })).flatMap((error) => Object.values(error.constraints ?? {}));

  it('accepts decimal text and JSON numbers within the limits', () => {
    for (const ok of ['12.5', '-99999.99', 0, 12.25]) expect(errors(ok), String(ok)).toEqual([]);
  });

  it('refuses other text, other types and values beyond the limits', () => {
    for (const bad of ['12.345', '123456', '1e3', 'abc', true, null, ['1'], { value: 1 }]) {
      expect(errors(bad), JSON.stringify(bad)).toEqual(['price must be a decimal written as digits']);
    }
  });
});

describe('DECIMAL_COLUMN', () => {
  it('passes decimal text through both ways and writes Decimals as text', () => {
    expect(DECIMAL_COLUMN.to('12.5000')).toBe('12.5000');
    expect(DECIMAL_COLUMN.to(new Decimal('12.50'))).toBe('12.5');
    expect(DECIMAL_COLUMN.to(null)).toBeNull();
    expect(DECIMAL_COLUMN.from('12.5000')).toBe('12.5000');
    expect(DECIMAL_COLUMN.from(null)).toBeNull();
  });

  it('refuses floats and malformed text', () => {
    expect(() => DECIMAL_COLUMN.to(0.1)).toThrow(TypeError);
    expect(() => DECIMAL_COLUMN.to('1e3')).toThrow(TypeError);
    expect(() => DECIMAL_COLUMN.from(0.1)).toThrow(TypeError);
  });
});
