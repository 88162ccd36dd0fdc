import fc from 'fast-check';
import type { OpenAPIObject } from '@nestjs/swagger';

/** The parts of an OpenAPI 3 schema the generators read. */
export interface JsonSchema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  allOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  pattern?: string;
  example?: unknown;
}

export interface ParameterSpec {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly required: boolean;
  readonly schema: JsonSchema;
}

export interface OperationSpec {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI form, `/api/roles/{id}`. */
  readonly path: string;
  readonly parameters: readonly ParameterSpec[];
  readonly body: JsonSchema | undefined;
  readonly secured: boolean;
  /** Status codes the document lists for the operation. */
  readonly responses: readonly string[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every operation of the document, with `$ref`s and `allOf`s resolved. */
export function operationsOf(document: OpenAPIObject): OperationSpec[] {
  const operations: OperationSpec[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, unknown>)[method] as
        | {
            parameters?: Array<{ name: string; in: string; required?: boolean; schema?: JsonSchema }>;
            requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
            security?: unknown[];
            responses?: Record<string, unknown>;
          }
        | undefined;
      if (operation === undefined) continue;
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
      operations.push({
        method: method.toUpperCase() as OperationSpec['method'],
        path,
        parameters: (operation.parameters ?? [])
          .filter((parameter) => ['path', 'query', 'header'].includes(parameter.in))
          .map((parameter) => ({
            name: parameter.name,
            in: parameter.in as ParameterSpec['in'],
            required: parameter.required === true || parameter.in === 'path',
            schema: resolveSchema(document, parameter.schema ?? { type: 'string' }),
          })),
        body: bodySchema === undefined ? undefined : resolveSchema(document, bodySchema),
        secured: (operation.security ?? []).length > 0,
        responses: Object.keys(operation.responses ?? {}),
      });
    }
  }
  return operations;
}

/**
 * The schema with every `$ref` replaced by its target and `allOf` merged (the document has no
 * cycles we follow past depth 12: a nullable nested DTO, such as a contract's SLA targets, costs
 * three levels per object).
 */
export function resolveSchema(document: OpenAPIObject, schema: JsonSchema, depth = 0): JsonSchema {
  if (depth > 12) return { type: 'object' };
  if (schema.$ref !== undefined) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = document.components?.schemas?.[name] as JsonSchema | undefined;
    if (target === undefined) throw new Error(`unresolved ${schema.$ref}`);
    const rest: JsonSchema = { ...schema };
    delete rest.$ref;
    return resolveSchema(document, { ...target, ...rest }, depth + 1);
  }
  let resolved: JsonSchema = { ...schema };
  if (schema.allOf !== undefined) {
    const { allOf, ...rest } = schema;
    resolved = rest;
    for (const part of allOf.map((item) => resolveSchema(document, item, depth + 1))) {
      resolved = {
        ...resolved,
        ...part,
        properties: { ...resolved.properties, ...part.properties },
        required: [...(resolved.required ?? []), ...(part.required ?? [])],
      };
    }
  }
  if (resolved.properties !== undefined) {
    resolved.properties = Object.fromEntries(
      Object.entries(resolved.properties).map(([key, value]) => [key, resolveSchema(document, value, depth + 1)]),
    );
  }
  if (resolved.items !== undefined) resolved.items = resolveSchema(document, resolved.items, depth + 1);
  for (const key of ['oneOf', 'anyOf'] as const) {
    const alternatives = resolved[key];
    if (alternatives !== undefined)
      resolved[key] = alternatives.map((item) => resolveSchema(document, item, depth + 1));
  }
  return resolved;
}

/**
 * The swagger plugin writes `string | null` properties as `type: object` with string keywords;
 * such a schema (no properties) is a string.
 */
export function effectiveType(schema: JsonSchema): string | undefined {
  if (schema.enum !== undefined) return typeof schema.enum[0] === 'number' ? 'number' : 'string';
  if (schema.type === 'object' && schema.properties === undefined) {
    if (
      schema.maxLength !== undefined ||
      schema.minLength !== undefined ||
      schema.format !== undefined ||
      typeof schema.example === 'string'
    )
      return 'string';
  }
  return schema.type;
}

/** What a valid value needs beyond its schema: ids that exist, values a validator knows by name. */
export interface FuzzContext {
  /** Ids that exist for a uuid field named `name` (`ownerId`; `id` inside `tags` is asked for as `tags`); empty for any uuid. */
  readonly idsFor: (name: string) => readonly string[];
  /** Fields a valid value never sends together (`tags` and `tagIds`): the schema cannot say so. */
  readonly exclusive?: ReadonlyArray<readonly [string, string]>;
  /** Values the schema cannot express (a currency code, a hex colour, a status of the organization), by field name. */
  readonly domain: Readonly<Record<string, fc.Arbitrary<unknown>>>;
  /** Query parameters a valid request leaves out: their valid values come only from the API (a `cursor`). */
  readonly omit?: readonly string[];
}

/** Field pairs no valid request sends together: either-or alternatives of the API's bodies and queries. */
export const EXCLUSIVE_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['limit', 'take'],
  ['offset', 'skip'],
  ['tags', 'tagIds'],
  ['customerId', 'customerName'],
  ['userId', 'email'],
  ['role', 'roleId'],
  ['replace', 'add'],
  ['replace', 'remove'],
];

/**
 * Either-or pairs of one path's bodies only, where the same names go together elsewhere: a note
 * is on one contact, customer or deal, while a deal has a contact and a customer.
 */
export const EXCLUSIVE_FIELDS_OF_PATH: Readonly<Record<string, ReadonlyArray<readonly [string, string]>>> = {
  '/api/notes': [
    ['contactId', 'customerId'],
    ['contactId', 'dealId'],
    ['customerId', 'dealId'],
  ],
};

/**
 * The ids a uuid field named `name` points at, from ids gathered per list path: `ownerId`,
 * `userId`, `assigneeId` and `memberIds` name members, `tagIds` tags, `customerId` customers.
 */
export function idsNamedBy(ids: ReadonlyMap<string, readonly string[]>, name: string): string[] {
  const stem = name.replace(/Ids?$/, '').replace(/s$/, '').toLowerCase();
  const wanted = ['owner', 'user', 'member', 'assignee'].includes(stem) ? 'member' : stem;
  return [...ids.entries()].filter(([path]) => path.split('/').pop() === `${wanted}s`).flatMap(([, list]) => list);
}

const WORD_START = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éßЖ日';
const WORD_REST = `${WORD_START} .-_'`;

function text(minLength: number, maxLength: number): fc.Arbitrary<string> {
  const max = Math.max(minLength, Math.min(maxLength, 40));
  if (max === 0) return fc.constant('');
  return fc
    .tuple(
      fc.constantFrom(...WORD_START),
      fc.string({ unit: fc.constantFrom(...WORD_REST), minLength: Math.max(0, minLength - 1), maxLength: max - 1 }),
    )
    .map(([first, rest]) => (first + rest).replace(/\s+$/, '') || first)
    .map((value) => (value.length < minLength ? value.padEnd(minLength, 'x') : value));
}

const email = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,11}$/), fc.integer({ min: 0, max: 1_000_000_000 }))
  .map(([local, n]) => `${local}.${n}@example.test`);

function validString(schema: JsonSchema, context: FuzzContext, name: string): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? 60;
  switch (schema.format) {
    case 'uuid': {
      const ids = context.idsFor(name);
      return ids.length > 0 ? fc.constantFrom(...ids) : fc.uuid();
    }
    case 'email':
      return email;
    case 'date-time':
      // In the future: an expiry must be.
      return fc
        .integer({ min: 2 * 86_400_000, max: 365 * 86_400_000 })
        .map((ms) => new Date(Date.now() + ms).toISOString());
    case 'date':
      return fc
        .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10));
    case 'uri':
      return fc.stringMatching(/^[a-z]{1,12}$/).map((path) => `https://example.test/${path}`);
    default:
      break;
  }
  if (schema.pattern !== undefined) {
    const pattern = new RegExp(schema.pattern);
    return fc
      .stringMatching(pattern, { size: 'small' })
      .filter((value) => value.length >= minLength && value.length <= maxLength && !/[\0\p{Cs}]/u.test(value));
  }
  return text(minLength, maxLength);
}

/** A value the schema accepts (and, through `context.domain`, the validators behind it). */
export function validValue(schema: JsonSchema, context: FuzzContext, name = '', depth = 0): fc.Arbitrary<unknown> {
  const domain = schema.enum === undefined ? context.domain[name] : undefined;
  const value = domain ?? validValueOfSchema(schema, context, depth, name);
  return schema.nullable === true
    ? fc.oneof({ weight: 5, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) })
    : value;
}

function validValueOfSchema(
  schema: JsonSchema,
  context: FuzzContext,
  depth: number,
  name: string,
): fc.Arbitrary<unknown> {
  if (schema.enum !== undefined) return fc.constantFrom(...schema.enum);
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives !== undefined)
    return fc.oneof(...alternatives.map((item) => validValueOfSchema(item, context, depth, name)));
  switch (effectiveType(schema)) {
    case 'string':
      return validString(schema, context, name);
    case 'integer':
    case 'number':
      return fc.integer({
        min: Math.ceil(schema.minimum ?? 0),
        max: Math.floor(Math.min(schema.maximum ?? 1000, 1000)),
      });
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const items = schema.items ?? { type: 'string' };
      const constraints = { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, 4) };
      const item = validValueOfSchema(items, context, depth + 1, name);
      return schema.uniqueItems === true
        ? fc.uniqueArray(item, { ...constraints, selector: (value) => JSON.stringify(value) })
        : fc.array(item, constraints);
    }
    case 'object':
      return validObject(schema, context, depth, name);
    default:
      return fc.oneof(fc.string(), fc.integer(), fc.boolean());
  }
}

function validObject(
  schema: JsonSchema,
  context: FuzzContext,
  depth: number,
  name: string,
): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  if (depth > 4 || Object.keys(properties).length === 0) return fc.constant({});
  const record = Object.fromEntries(
    Object.entries(properties).map(([key, value]) => [
      key,
      // `{ id }` inside `tags` is a tag's id.
      validValue(value, context, key === 'id' && name !== '' ? name : key, depth + 1),
    ]),
  );
  return fc
    .record(record, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) })
    .map((value) => withoutExclusive(value, context.exclusive ?? []));
}

function withoutExclusive<T extends Record<string, unknown>>(
  value: T,
  exclusive: ReadonlyArray<readonly [string, string]>,
): T {
  const copy: Record<string, unknown> = { ...value };
  for (const [first, second] of exclusive) if (first in copy && second in copy) delete copy[second];
  return copy as T;
}

/** One step away from a valid value: what a request may get wrong, named for the report. */
export interface Mutation {
  readonly kind: string;
  /** Where: `body`, `body.settings.crmEnabled`, `query.limit`, `path.id`, `header.X-Organization-Id`. */
  readonly target: string;
  /** Whether any correct API must refuse it with a 4xx (some mutations may still be valid input). */
  readonly mustRefuse: boolean;
}

/** A marker replaced in the JSON text, so a lone surrogate survives `JSON.stringify`. */
export const LONE_SURROGATE = '\u{10FFFF}LONE\u{10FFFF}';
export const RESERVED_KEYS = ['constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

function deepArray(depth: number): unknown {
  let value: unknown = [];
  for (let level = 1; level < depth; level += 1) value = [value];
  return value;
}

/** The JSON types a schema accepts. */
function acceptedTypes(schema: JsonSchema): Set<string> {
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives !== undefined) return new Set(alternatives.flatMap((item) => [...acceptedTypes(item)]));
  const type = effectiveType(schema);
  return new Set(
    type === 'integer' ? ['number'] : type === undefined ? ['string', 'number', 'boolean', 'object', 'array'] : [type],
  );
}

/** Values of a type the schema does not accept. */
function wrongType(schema: JsonSchema): fc.Arbitrary<unknown> | undefined {
  const accepted = acceptedTypes(schema);
  const options: Array<fc.Arbitrary<unknown>> = [];
  if (!accepted.has('object')) options.push(fc.constant({}), fc.constant({ a: { b: 1 } }));
  if (!accepted.has('array')) options.push(fc.constant([]), fc.constant([1, 2]), fc.constant([{}]));
  if (!accepted.has('string')) options.push(fc.string({ maxLength: 8 }), fc.constant('1'), fc.constant('true'));
  if (!accepted.has('number')) options.push(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
  if (!accepted.has('boolean')) options.push(fc.boolean());
  return options.length === 0 ? undefined : fc.oneof(...options);
}

interface FieldSlot {
  readonly path: readonly string[];
  readonly schema: JsonSchema;
  readonly required: boolean;
}

/** Every property of a body schema, nested objects included (two levels). */
export function fieldSlots(schema: JsonSchema, path: readonly string[] = [], depth = 0): FieldSlot[] {
  const slots: FieldSlot[] = [];
  for (const [key, value] of Object.entries(schema.properties ?? {})) {
    const slot = { path: [...path, key], schema: value, required: (schema.required ?? []).includes(key) };
    slots.push(slot);
    if (depth < 2 && effectiveType(value) === 'object' && value.properties !== undefined)
      slots.push(...fieldSlots(value, slot.path, depth + 1));
  }
  return slots;
}

type Edit = { kind: string; mustRefuse: boolean; value?: unknown; remove?: boolean; add?: [string, unknown] };

/** A huge string's shortest length: 10,000 characters, or just over the field's own maxLength. */
function hugeMin(schema: JsonSchema): number {
  return Math.max(10_000, (schema.maxLength ?? 0) + 1);
}

/** Edits of one field of a body, each a way to be invalid. */
export function fieldEdits(slot: FieldSlot): fc.Arbitrary<Edit> {
  const schema = slot.schema;
  const type = effectiveType(schema);
  const edits: Array<fc.Arbitrary<Edit>> = [];
  const wrong = wrongType(schema);
  if (wrong !== undefined) edits.push(wrong.map((value) => ({ kind: 'wrong type', mustRefuse: true, value })));
  if (schema.nullable !== true) edits.push(fc.constant({ kind: 'null', mustRefuse: true, value: null }));
  if (slot.required) edits.push(fc.constant({ kind: 'missing required', mustRefuse: true, remove: true }));
  if (type === 'string' && schema.enum === undefined) {
    edits.push(
      fc.constant({ kind: 'NUL byte', mustRefuse: true, value: 'a\u0000b' }),
      fc.constant({ kind: 'lone surrogate', mustRefuse: true, value: `x${LONE_SURROGATE}` }),
      // Longer than any maxLength (a string of exactly maxLength is valid and must pass).
      fc.integer({ min: hugeMin(schema), max: Math.max(60_000, hugeMin(schema)) }).map((length) => ({
        kind: 'huge string',
        // A field that takes 64 KB (a note's Markdown) takes 60,000 characters too.
        mustRefuse: schema.maxLength !== undefined && length > schema.maxLength,
        value: 'x'.repeat(length),
      })),
    );
    if (schema.maxLength !== undefined)
      edits.push(fc.constant({ kind: 'too long', mustRefuse: true, value: 'y'.repeat(schema.maxLength + 1) }));
    if (schema.format !== undefined)
      edits.push(
        fc.constantFrom('not-a-value', '00000000-0000-0000-0000', 'a@', '2024-13-45T99:00:00Z').map((value) => ({
          kind: `bad ${schema.format}`,
          mustRefuse: true,
          value,
        })),
      );
  }
  if (schema.enum !== undefined)
    edits.push(
      fc.constantFrom('NOT_A_VALUE', 'customer', '').map((value) => ({ kind: 'bad enum', mustRefuse: true, value })),
    );
  if ((type === 'number' || type === 'integer') && schema.maximum !== undefined)
    edits.push(fc.constant({ kind: 'out of range', mustRefuse: true, value: schema.maximum + 1 }));
  if ((type === 'number' || type === 'integer') && schema.minimum !== undefined)
    edits.push(fc.constant({ kind: 'out of range', mustRefuse: true, value: schema.minimum - 1 }));
  if (type === 'array' && schema.maxItems !== undefined) {
    const items = schema.items ?? { type: 'string' };
    edits.push(
      fc.constant({
        kind: 'too many items',
        mustRefuse: true,
        value: Array.from({ length: schema.maxItems + 1 }, (_, index) =>
          effectiveType(items) === 'string' && items.enum !== undefined ? items.enum[index % items.enum.length] : index,
        ),
      }),
    );
  }
  edits.push(
    fc.integer({ min: 3, max: 40 }).map((depth) => ({
      kind: 'deep array',
      mustRefuse: !acceptedTypes(schema).has('array') || depth > 3,
      value: deepArray(depth),
    })),
  );
  if (type === 'object')
    edits.push(
      fc.constantFrom(...RESERVED_KEYS, 'isAdmin', 'tenantId').map((key) => ({
        kind: `extra property ${key}`,
        mustRefuse: true,
        add: [key, 1] as [string, unknown],
      })),
    );
  return fc.oneof(...edits);
}

/** A request ready for `app.inject`, with what was done to it. */
export interface FuzzRequest {
  readonly method: OperationSpec['method'];
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly payload?: string;
  /** Undefined for a valid request. */
  readonly mutation?: Mutation;
  /** The body and query fields a valid request sent (`settings.crmEnabled`, `limit`). */
  readonly sent: readonly string[];
}

interface Parts {
  path: Record<string, string>;
  query: Array<[string, string]>;
  body: unknown;
  hasBody: boolean;
  headers: Record<string, string>;
}

/** `name[key]=value` for objects (Gauzy `where[...]`), repeated `name=value` for arrays. */
function queryPairs(name: string, value: unknown): Array<[string, string]> {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((item) => queryPairs(name, item));
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) =>
      Array.isArray(item)
        ? item.flatMap((entry) => queryPairs(`${name}[${key}][]`, entry))
        : queryPairs(`${name}[${key}]`, item),
    );
  return [[name, typeof value === 'string' ? value : JSON.stringify(value)]];
}

function leafNames(value: unknown, prefix: string): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return [prefix];
  return [prefix, ...entries.flatMap(([key, item]) => leafNames(item, `${prefix}.${key}`))];
}

function validParts(
  operation: OperationSpec,
  given: FuzzContext,
  headers: Record<string, string>,
): fc.Arbitrary<Parts> {
  const exclusive = [...(given.exclusive ?? []), ...(EXCLUSIVE_FIELDS_OF_PATH[operation.path] ?? [])];
  const context: FuzzContext = { ...given, exclusive };
  const path = Object.fromEntries(
    operation.parameters
      .filter((parameter) => parameter.in === 'path')
      .map((parameter) => [parameter.name, validValue(parameter.schema, context, parameter.name).map(String)]),
  );
  const queryParameters = operation.parameters.filter(
    (parameter) => parameter.in === 'query' && (parameter.required || !(context.omit ?? []).includes(parameter.name)),
  );
  const query = fc.record(
    Object.fromEntries(
      queryParameters.map((parameter) => [parameter.name, validValue(parameter.schema, context, parameter.name)]),
    ),
    { requiredKeys: queryParameters.filter((parameter) => parameter.required).map((parameter) => parameter.name) },
  );
  const body = operation.body === undefined ? fc.constant(undefined) : validValue(operation.body, context, '');
  return fc.record({ path: fc.record(path), query, body }).map((parts) => ({
    path: parts.path,
    query: Object.entries(withoutExclusive(parts.query, context.exclusive ?? [])).flatMap(([name, value]) =>
      queryPairs(name, value),
    ),
    body: withPathId(parts.body, parts.path.id),
    hasBody: operation.body !== undefined,
    headers: { ...headers },
  }));
}

/** A body's `id` (Gauzy's clients send the record back whole) is valid only as the path's own id. */
function withPathId(body: unknown, pathId: string | undefined): unknown {
  if (pathId === undefined || typeof body !== 'object' || body === null || Array.isArray(body) || !('id' in body)) {
    return body;
  }
  return { ...body, id: pathId };
}

function withField(body: unknown, path: readonly string[], edit: Edit): unknown {
  const root = (typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body } : {}) as Record<
    string,
    unknown
  >;
  let parent = root;
  for (const key of path.slice(0, -1)) {
    const child = parent[key];
    const copy = (typeof child === 'object' && child !== null && !Array.isArray(child) ? { ...child } : {}) as Record<
      string,
      unknown
    >;
    parent[key] = copy;
    parent = copy;
  }
  const last = path[path.length - 1];
  if (edit.remove === true) delete parent[last];
  else if (edit.add !== undefined) {
    const target = (typeof parent[last] === 'object' && parent[last] !== null ? { ...parent[last] } : {}) as Record<
      string,
      unknown
    >;
    Object.defineProperty(target, edit.add[0], {
      value: edit.add[1],
      enumerable: true,
      configurable: true,
      writable: true,
    });
    parent[last] = target;
  } else parent[last] = edit.value;
  return root;
}

function withTopLevelKey(body: unknown, key: string): unknown {
  const root = (typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body } : {}) as Record<
    string,
    unknown
  >;
  Object.defineProperty(root, key, { value: { polluted: true }, enumerable: true, configurable: true, writable: true });
  return root;
}

type Apply = (parts: Parts) => { parts: Parts; mutation: Mutation; rawBody?: string };

const PATH_VALUES = [
  'not-a-uuid',
  '%00',
  'a%00b',
  '%ff',
  '%ED%A0%80',
  '1',
  '-1',
  // Not `..` (nor `%2E%2E`): the client resolves a dot segment (WHATWG URL), so it never reaches the
  // route — it lands on GET /api, the index.
  '...',
  'null',
  '%20',
  `${'9'.repeat(2000)}`,
  '00000000-0000-0000-0000-00000000000g',
];
const QUERY_TEXT = ['%00', 'a%00b', '%ED%A0%80', '%ff', 'x'.repeat(5000), '%F0%9F%98%80', "' OR 1=1 --", '{}', '[]'];

function mutationsOf(operation: OperationSpec): Array<fc.Arbitrary<Apply>> {
  const mutations: Array<fc.Arbitrary<Apply>> = [];
  const body = operation.body;
  if (body !== undefined) {
    for (const slot of fieldSlots(body)) {
      mutations.push(
        fieldEdits(slot).map((edit): Apply => (parts) => ({
          parts: { ...parts, body: withField(parts.body, slot.path, edit) },
          mutation: { kind: edit.kind, target: `body.${slot.path.join('.')}`, mustRefuse: edit.mustRefuse },
        })),
      );
    }
    const declared = new Set(Object.keys(body.properties ?? {}));
    mutations.push(
      fc
        .constantFrom(
          ...RESERVED_KEYS,
          'isAdmin',
          'tenantId',
          'id',
          'version',
          'createdAt',
          'role',
          'grants',
          'ownerId',
        )
        .filter((key) => !declared.has(key))
        .map((key): Apply => (parts) => ({
          parts: { ...parts, body: withTopLevelKey(parts.body, key) },
          mutation: { kind: `extra property ${key}`, target: 'body', mustRefuse: true },
        })),
      fc
        .constantFrom<[string, unknown]>(
          ['null', null],
          ['array', []],
          ['array of objects', [{}]],
          ['string', 'text'],
          ['number', 42],
          ['boolean', true],
          ['deep', deepArray(40)],
        )
        .map(([kind, value]): Apply => (parts) => ({
          parts: { ...parts, body: value },
          mutation: { kind: `body is ${kind}`, target: 'body', mustRefuse: true },
        })),
      fc
        .constantFrom(
          '{"a":',
          '{"__proto__":{"x":1}}',
          '{"constructor":{"prototype":{"x":1}}}',
          '\u0000',
          '{"a":1,}',
          '"\\ud800"',
          `{"x":"${'\\'.repeat(3)}"}`,
        )
        .map((text): Apply => (parts) => ({
          parts,
          rawBody: text,
          mutation: { kind: 'malformed JSON', target: 'body', mustRefuse: true },
        })),
    );
  }
  for (const parameter of operation.parameters) {
    const type = effectiveType(parameter.schema);
    if (parameter.in === 'path') {
      // A client resolves `..` before sending: `/customers/../contacts` is then another route.
      const last = operation.path.endsWith(`{${parameter.name}}`);
      const values = PATH_VALUES.filter((value) => last || value !== '..');
      mutations.push(
        fc.constantFrom(...values).map((value): Apply => (parts) => ({
          parts: { ...parts, path: { ...parts.path, [parameter.name]: value } },
          mutation: { kind: 'bad path id', target: `path.${parameter.name}`, mustRefuse: true },
        })),
      );
    } else if (parameter.in === 'query') {
      const numeric = type === 'number' || type === 'integer';
      const values: Array<[string, string, boolean]> = [
        ...QUERY_TEXT.map((value): [string, string, boolean] => [
          'text',
          value,
          // `%ED%A0%80` is not UTF-8: it decodes to U+FFFD, which is text.
          /%00/.test(value) ||
            (numeric && !value.startsWith('%F0')) ||
            (parameter.schema.maxLength !== undefined && value.length > parameter.schema.maxLength),
        ]),
        ['wrong type', 'abc', numeric || parameter.schema.enum !== undefined],
        ['wrong type', '1.5e400', numeric],
        ['empty', '', false],
      ];
      if (parameter.schema.maximum !== undefined)
        values.push(['out of range', String(parameter.schema.maximum + 1), true]);
      if (parameter.schema.minimum !== undefined)
        values.push(['out of range', String(parameter.schema.minimum - 1), true]);
      if (parameter.schema.enum !== undefined || parameter.schema.items?.enum !== undefined)
        values.push(['bad enum', 'NOT_A_VALUE', true]);
      mutations.push(
        fc.constantFrom(...values).map(([kind, value, mustRefuse]): Apply => (parts) => ({
          parts: {
            ...parts,
            query: [
              ...parts.query.filter(([name]) => name !== parameter.name && !name.startsWith(`${parameter.name}[`)),
              [parameter.name, value],
            ],
          },
          mutation: { kind: `query ${kind}`, target: `query.${parameter.name}`, mustRefuse },
        })),
        fc.constantFrom('[a]', '[__proto__]', '[constructor][prototype]', '[]').map((suffix): Apply => (parts) => ({
          parts: { ...parts, query: [...parts.query, [`${parameter.name}${suffix}`, '1']] },
          mutation: { kind: 'query nested', target: `query.${parameter.name}`, mustRefuse: false },
        })),
        fc.constant((parts: Parts) => ({
          parts: {
            ...parts,
            query: [...parts.query, [parameter.name, '1'], [parameter.name, '2']] as Array<[string, string]>,
          },
          mutation: { kind: 'query repeated', target: `query.${parameter.name}`, mustRefuse: false },
        })),
      );
      if (parameter.required)
        mutations.push(
          fc.constant((parts: Parts) => ({
            parts: { ...parts, query: parts.query.filter(([name]) => name !== parameter.name) },
            mutation: { kind: 'missing required', target: `query.${parameter.name}`, mustRefuse: true },
          })),
        );
    } else if (parameter.in === 'header') {
      mutations.push(
        fc
          .constantFrom('not-a-uuid', '1', ' ', 'x'.repeat(500), '00000000-0000-0000-0000-000000000000,x')
          .map((value): Apply => (parts) => ({
            parts: { ...parts, headers: { ...parts.headers, [parameter.name.toLowerCase()]: value } },
            mutation: { kind: 'bad header', target: `header.${parameter.name}`, mustRefuse: false },
          })),
      );
    }
  }
  mutations.push(
    fc.constantFrom('__proto__', 'constructor', 'zz_unknown', 'organizationId', 'q').map((name): Apply => (parts) => ({
      parts: { ...parts, query: [...parts.query, [name, '%00']] },
      mutation: { kind: 'query extra with NUL', target: `query.${name}`, mustRefuse: true },
    })),
  );
  return mutations;
}

function toRequest(operation: OperationSpec, parts: Parts, mutation?: Mutation, rawBody?: string): FuzzRequest {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = parts.path[name] ?? '';
    return mutation?.target === `path.${name}` ? value : encodeURIComponent(value);
  });
  const query = parts.query
    .map(([name, value]) =>
      mutation?.target === `query.${name}` || mutation?.kind === 'query nested'
        ? `${encodeURIComponent(name).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${value}`
        : `${encodeURIComponent(name).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(value)}`,
    )
    .join('&');
  const headers = { ...parts.headers };
  let payload: string | undefined;
  if (rawBody !== undefined) payload = rawBody;
  else if (parts.hasBody && parts.body !== undefined)
    payload = JSON.stringify(parts.body).split(LONE_SURROGATE).join('\\ud800');
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const sent =
    mutation === undefined
      ? [
          ...parts.query.map(([name]) => name.replace(/\[.*$/, '')),
          ...(parts.body === undefined
            ? []
            : leafNames(parts.body, '')
                .map((name) => name.replace(/^\./, ''))
                .filter((name) => name !== '')),
        ]
      : [];
  return { method: operation.method, url: query === '' ? path : `${path}?${query}`, headers, payload, mutation, sent };
}

/** Requests the schema accepts. */
export function validRequests(
  operation: OperationSpec,
  context: FuzzContext,
  headers: Record<string, string>,
): fc.Arbitrary<FuzzRequest> {
  return validParts(operation, context, headers).map((parts) => toRequest(operation, parts));
}

/** Requests one mutation away from valid ones. */
export function invalidRequests(
  operation: OperationSpec,
  context: FuzzContext,
  headers: Record<string, string>,
): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(validParts(operation, context, headers), fc.oneof(...mutationsOf(operation)))
    .map(([parts, apply]) => {
      const applied = apply(parts);
      return toRequest(operation, applied.parts, applied.mutation, applied.rawBody);
    });
}
