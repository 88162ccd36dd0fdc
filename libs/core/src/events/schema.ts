/**
 * A small schema builder for event payloads: each schema is a TypeScript type (`Infer<S>`), a
 * runtime check (`problems`) and a JSON-Schema description (`describe`) for the event catalogue.
 * Deliberately tiny (no dependency): strings, numbers, booleans, uuids, timestamps, enums,
 * nullable values, arrays and closed objects — what entity snapshots are made of.
 */
export interface JsonSchema {
  readonly [keyword: string]: unknown;
}

export interface Schema<T> {
  /** Never set: carries the TypeScript type of the values the schema accepts. */
  readonly type?: T;
  /** What is wrong with `value`, one line per problem naming its path; empty when it fits. */
  problems(value: unknown, path?: string): string[];
  describe(): JsonSchema;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

type Shape = Readonly<Record<string, Schema<unknown>>>;
type ObjectOf<S extends Shape> = { readonly [K in keyof S]: Infer<S[K]> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function leaf<T>(description: JsonSchema, accepts: (value: unknown) => boolean, expected: string): Schema<T> {
  return {
    problems: (value, path = '$') => (accepts(value) ? [] : [`${path} must be ${expected}`]),
    describe: () => description,
  };
}

function isTimestamp(value: unknown): boolean {
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

export const schema = {
  string: (): Schema<string> => leaf({ type: 'string' }, (value) => typeof value === 'string', 'a string'),

  uuid: (): Schema<string> =>
    leaf({ type: 'string', format: 'uuid' }, (value) => typeof value === 'string' && UUID.test(value), 'a uuid'),

  /** An instant: a `Date` when published, an ISO 8601 string once stored as JSON. */
  timestamp: (): Schema<Date | string> => leaf({ type: 'string', format: 'date-time' }, isTimestamp, 'a timestamp'),

  /** A decimal kept as text (`"1200.5000"`), never a float. */
  decimal: (): Schema<string> =>
    leaf(
      { type: 'string', pattern: '^-?\\d+(\\.\\d+)?$' },
      (value) => typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value),
      'a decimal string',
    ),

  integer: (): Schema<number> => leaf({ type: 'integer' }, (value) => Number.isInteger(value), 'an integer'),

  boolean: (): Schema<boolean> => leaf({ type: 'boolean' }, (value) => typeof value === 'boolean', 'a boolean'),

  enum: <const V extends readonly string[]>(...values: V): Schema<V[number]> =>
    leaf(
      { type: 'string', enum: values },
      (value) => typeof value === 'string' && values.includes(value),
      `one of ${values.join(', ')}`,
    ),

  nullable: <T>(inner: Schema<T>): Schema<T | null> => ({
    problems: (value, path = '$') => (value === null ? [] : inner.problems(value, path)),
    describe: () => ({ anyOf: [inner.describe(), { type: 'null' }] }),
  }),

  array: <T>(item: Schema<T>): Schema<readonly T[]> => ({
    problems: (value, path = '$') =>
      Array.isArray(value)
        ? value.flatMap((element: unknown, index) => item.problems(element, `${path}[${index}]`))
        : [`${path} must be an array`],
    describe: () => ({ type: 'array', items: item.describe() }),
  }),

  /** A closed object: every listed field is required (use `nullable` for "may be empty"), no others. */
  object: <S extends Shape>(shape: S): Schema<ObjectOf<S>> & { readonly shape: S } => ({
    shape,
    problems: (value, path = '$') => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path} must be an object`];
      const record = value as Record<string, unknown>;
      const missing = Object.keys(shape).filter((key) => !(key in record));
      const extra = Object.keys(record).filter((key) => !(key in shape));
      return [
        ...missing.map((key) => `${path}.${key} is missing`),
        ...extra.map((key) => `${path}.${key} is not in the schema`),
        ...Object.entries(shape).flatMap(([key, field]) =>
          key in record ? field.problems(record[key], `${path}.${key}`) : [],
        ),
      ];
    },
    describe: () => ({
      type: 'object',
      additionalProperties: false,
      required: Object.keys(shape),
      properties: Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, field.describe()])),
    }),
  }),
};
