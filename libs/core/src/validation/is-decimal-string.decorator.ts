import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';
import { decimalPattern, type DecimalLimits } from '../domain/decimal';

/**
 * A decimal sent as text, within `limits` (e.g. numeric(19,4) unsigned: 15 and 4 digits): no
 * exponent, no sign unless `signed`. Pair it with `@Transform(decimalTextInput)` to accept a
 * JSON number too. The value stays text, so it never becomes a float.
 */
export function IsDecimalString(limits: DecimalLimits, options?: ValidationOptions): PropertyDecorator {
  const pattern = decimalPattern(limits);
  return ValidateBy(
    {
      name: 'isDecimalString',
      constraints: [limits],
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && pattern.test(value),
        defaultMessage: buildMessage((prefix) => `${prefix}$property must be a decimal written as digits`, options),
      },
    },
    options,
  );
}
