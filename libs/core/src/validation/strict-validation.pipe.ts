import { type ArgumentMetadata, ValidationPipe, type ValidationPipeOptions } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { ValidationError } from '../errors/domain-error';
import type { FieldError } from '../errors/problem';

const BUILT_IN_TYPES = new Set<unknown>([String, Boolean, Number, Array, Object, Buffer, Date]);

function isDto(metatype: ArgumentMetadata['metatype']): metatype is new (...args: never[]) => object {
  return typeof metatype === 'function' && !BUILT_IN_TYPES.has(metatype);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Properties whose nested DTO is one object (`@ValidateNested()` without `each`, not declared an
 * array), by class. class-validator validates each element of an array it finds there, so
 * `settings: []` or `settings: [[[]]]` passed where an object is expected.
 */
const singleNestedCache = new WeakMap<object, string[]>();

function singleNestedProperties(target: new (...args: never[]) => object): string[] {
  const cached = singleNestedCache.get(target);
  if (cached !== undefined) return cached;
  const rules = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
  const arrays = new Set(
    rules.filter((rule) => rule.name === 'isArray' || rule.each === true).map((rule) => rule.propertyName),
  );
  const properties = [
    ...new Set(
      rules
        .filter((rule) => rule.type === 'nestedValidation' && rule.each !== true)
        .map((rule) => rule.propertyName)
        .filter(
          (property) =>
            !arrays.has(property) && Reflect.getMetadata('design:type', target.prototype as object, property) !== Array,
        ),
    ),
  ];
  singleNestedCache.set(target, properties);
  return properties;
}

/** Field errors for nested objects that are not objects, at any depth of a transformed DTO. */
export function nestedShapeErrors(instance: unknown, parent = '', errors: FieldError[] = []): FieldError[] {
  if (!isPlainObject(instance) || typeof instance.constructor !== 'function' || instance.constructor === Object)
    return errors;
  for (const property of singleNestedProperties(instance.constructor as new (...args: never[]) => object)) {
    const value = instance[property];
    const field = parent === '' ? property : `${parent}.${property}`;
    if (value === undefined || value === null) continue;
    if (!isPlainObject(value)) errors.push({ field, message: `${field} must be an object` });
    else nestedShapeErrors(value, field, errors);
  }
  return errors;
}

/**
 * The field holding the first list of lists (`tags: [[{}]]` → `tags`): no DTO of ours takes one, and
 * class-transformer and class-validator recurse into it (a deep one was a 500).
 */
export function nestedArrayField(value: unknown, field = ''): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const inArray = Array.isArray(value);
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const path = field === '' ? key : `${field}.${key}`;
    if (inArray && Array.isArray(item)) return field === '' ? 'body' : field;
    const found = nestedArrayField(item, path);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Nest's `ValidationPipe` with three rules it lacks: a body bound to a DTO must be a JSON object
 * (Nest turned a JSON `null` into `{}`, an empty update that succeeded; an array or a scalar
 * reached class-transformer), a nested DTO declared as one object is refused when an array or a
 * scalar is sent for it, and so is a list of lists.
 */
export class StrictValidationPipe extends ValidationPipe {
  constructor(options: ValidationPipeOptions) {
    super(options);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && isDto(metadata.metatype) && value !== undefined && !isPlainObject(value)) {
      throw ValidationError.field('body', 'the body must be a JSON object');
    }
    if (isDto(metadata.metatype)) {
      const nested = nestedArrayField(value);
      if (nested !== undefined) throw ValidationError.field(nested, `${nested} must not be a list`);
    }
    const result: unknown = await super.transform(value, metadata);
    if (isDto(metadata.metatype)) {
      const errors = nestedShapeErrors(result);
      if (errors.length > 0) throw new ValidationError(errors);
    }
    return result;
  }
}
