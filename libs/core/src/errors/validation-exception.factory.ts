import type { ValidationError as ClassValidatorError } from 'class-validator';
import type { FieldError } from './problem';
import { ValidationError } from './domain-error';

/** Flattens class-validator's tree into `[{ field: 'members.0.id', message }]`. */
export function flattenValidationErrors(errors: readonly ClassValidatorError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent === '' ? error.property : `${parent}.${error.property}`;
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
