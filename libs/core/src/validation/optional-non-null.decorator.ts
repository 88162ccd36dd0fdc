import { ValidateIf } from 'class-validator';

/**
 * A field that may be left out but, when sent, must be valid — `null` included, so a required
 * column (a name, a kind, a flag) cannot be cleared. `@IsOptional()` would wave `null` through.
 */
export const OptionalNonNull = (): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined);
