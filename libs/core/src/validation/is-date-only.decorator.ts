import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date written `YYYY-MM-DD` that exists (`2026-02-30` does not). */
export function isDateOnly(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE_ONLY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * A date without a time (`expectedCloseDate`, a forecast's `from`): one check and one message,
 * "… must be a date, YYYY-MM-DD". Document the field with `format: 'date'`.
 */
export function IsDateOnly(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDateOnly',
      validator: {
        validate: (value: unknown): boolean => isDateOnly(value),
        defaultMessage: buildMessage((prefix) => `${prefix}$property must be a date, YYYY-MM-DD`, options),
      },
    },
    options,
  );
}
