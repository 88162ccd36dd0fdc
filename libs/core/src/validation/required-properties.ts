import { getMetadataStorage, ValidationTypes } from 'class-validator';

type Constructor = abstract new (...args: never[]) => object;

const cache = new WeakMap<Constructor, string[]>();

/**
 * The properties a client must send to `target` (a DTO), as its validation rules say: those with
 * a rule and without a condition (`@IsOptional`, `@ValidateIf`, `OptionalNonNull`) that skips it
 * when left out, and no default of the class that fills them in. Inherited rules count, so a
 * `PartialType` makes every property optional. The OpenAPI `required` lists come from here, so
 * the document says what the `ValidationPipe` enforces.
 */
export function requiredProperties(target: Constructor): string[] {
  const cached = cache.get(target);
  if (cached !== undefined) return cached;
  const rules = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
  const conditional = new Set(
    rules.filter((rule) => rule.type === ValidationTypes.CONDITIONAL_VALIDATION).map((rule) => rule.propertyName),
  );
  const defaults = defaultsOf(target);
  const required = [...new Set(rules.map((rule) => rule.propertyName))].filter(
    (property) => !conditional.has(property) && defaults[property] === undefined,
  );
  cache.set(target, required);
  return required;
}

/** Every class with validation rules of its own, by name (DTO names are the schema names). */
export function validatedClassesByName(): Map<string, Constructor[]> {
  const storage = getMetadataStorage() as unknown as { validationMetadatas?: unknown };
  if (!(storage.validationMetadatas instanceof Map)) {
    throw new Error('class-validator keeps its rules elsewhere now: update validatedClassesByName');
  }
  const byName = new Map<string, Constructor[]>();
  for (const target of (storage.validationMetadatas as Map<unknown, unknown>).keys()) {
    if (typeof target !== 'function') continue;
    const classes = byName.get(target.name) ?? [];
    classes.push(target as Constructor);
    byName.set(target.name, classes);
  }
  return byName;
}

function defaultsOf(target: Constructor): Record<string, unknown> {
  try {
    return { ...(Reflect.construct(target, []) as Record<string, unknown>) };
  } catch {
    return {};
  }
}
