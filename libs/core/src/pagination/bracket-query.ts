import { ValidationError } from '../errors/domain-error';

type QueryValue = string | string[];
interface Nested {
  [key: string]: Nested | QueryValue;
}

const KEY = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;
const SEGMENT = /\[([^[\]]*)\]/g;
const MAX_DEPTH = 4;
/** Keys that would reach an object's prototype if used as property names. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Nests a flat query string the way Express's `qs` does, which Gauzy clients rely on:
 * `where[name]=Acme` → `{ where: { name: 'Acme' } }`, `relations[]=tags&relations[]=members`
 * (or `relations[0]=…`) → `{ relations: ['tags', 'members'] }`. Keys without brackets pass as
 * they are. A key used both as a value and as an object is a 400, never a silent pick.
 */
export function parseBracketQuery(query: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const result: Nested = {};
  for (const [key, raw] of Object.entries(query)) {
    const value = queryValue(raw);
    if (value === undefined) continue;
    const path = keyPath(key);
    assign(result, path, value, key);
  }
  return result;
}

function queryValue(raw: unknown): QueryValue | undefined {
  if (typeof raw === 'string') return raw;
  if (Array.isArray(raw) && raw.every((item) => typeof item === 'string')) return raw;
  return undefined;
}

function keyPath(key: string): string[] {
  const match = KEY.exec(key);
  if (match === null) return [key];
  const path = [match[1] ?? key, ...[...(match[2] ?? '').matchAll(SEGMENT)].map((segment) => segment[1] ?? '')];
  if (path.length > MAX_DEPTH + 1) throw ValidationError.field(key, `${key} nests deeper than ${MAX_DEPTH} levels`);
  if (path.some((segment) => FORBIDDEN.has(segment))) throw ValidationError.field(key, `${key} is not allowed`);
  return path;
}

function assign(target: Nested, path: readonly string[], value: QueryValue, key: string): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  const existing = target[head];
  if (rest.length === 0) {
    if (existing !== undefined) throw conflict(key);
    target[head] = value;
    return;
  }
  if (rest.length === 1 && isList(rest[0])) {
    if (existing !== undefined && !Array.isArray(existing)) throw conflict(key);
    target[head] = [...(existing ?? []), ...(Array.isArray(value) ? value : [value])];
    return;
  }
  if (existing !== undefined && (typeof existing !== 'object' || Array.isArray(existing))) throw conflict(key);
  const child: Nested = existing ?? {};
  target[head] = child;
  assign(child, rest, value, key);
}

function isList(segment: string | undefined): boolean {
  return segment === '' || (segment !== undefined && /^\d+$/.test(segment));
}

function conflict(key: string): ValidationError {
  return ValidationError.field(key, `${key} is given both as a value and as a group of fields`);
}
