import type { ValidationError as ClassValidatorError } from 'class-validator';
import type { FieldError } from './problem';
import { ValidationError } from './domain-error';

/**
 * Flattens class-validator's tree into `[{ field: 'members.0.id', message }]`. A required field
 * left out (its rules ran on no value: optional ones are skipped) is one error, `name is
 * required`, not every rule it would have had to pass.
 */
export function flattenValidationErrors(errors: readonly ClassValidatorError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent === '' ? error.property : `${parent}.${error.property}`;
    if (error.value === undefined && error.constraints !== undefined && (error.children ?? []).length === 0) {
      return [{ field, message: `${field} is required` }];
    }
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(/^property (\S+) should not exist$/, 'unknown field $1 is not allowed'),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export function validationExceptionFactory(errors: ClassValidatorError[]): ValidationError {
  return new ValidationError(flattenValidationErrors(errors));
}
