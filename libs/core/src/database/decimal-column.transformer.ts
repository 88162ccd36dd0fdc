import type { ValueTransformer } from 'typeorm';
import { Decimal, isDecimalText } from '../domain/decimal';

/**
 * For `numeric` columns read and written as decimal text: `"12.5000"` stays `"12.5000"` both
 * ways, a `Decimal` is written as its plain text. node-postgres already reads numeric as text;
 * this makes the rule explicit on the entity and refuses a JS `number` (or malformed text)
 * going in or coming out, where a float would already have lost digits.
 */
export const DECIMAL_COLUMN: ValueTransformer = {
  to(value: unknown): string | null | undefined {
    if (value === null || value === undefined || isDecimalText(value)) return value;
    if (Decimal.isDecimal(value) && value.isFinite()) return value.toFixed();
    throw new TypeError(`a numeric column takes decimal text or a finite Decimal, not ${typeof value}`);
  },
  from(value: unknown): string | null {
    if (value === null || value === undefined) return null;
    if (typeof value === 'string') return value;
    throw new TypeError(`a numeric column was read as ${typeof value}, not as decimal text`);
  },
};
