import { ValidationError } from '../errors/domain-error';

/** The position after the last row of a page: its sort value and id. */
export interface KeysetPosition {
  /** The sort the cursor was made for; a cursor is only valid with the same sort. */
  readonly sort: string;
  readonly value: string | number;
  readonly id: string;
  /** The row's rank when the list is ranked before its sort (a search's best matches first). */
  readonly rank?: number;
}

export function encodeCursor(position: KeysetPosition): string {
  const values = [position.sort, position.value, position.id];
  return encodeCursorValues(position.rank === undefined ? values : [...values, position.rank]);
}

/** An opaque cursor holding `values` (JSON in base64url): the one cursor encoding of the API. */
export function encodeCursorValues(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** NUL, or a surrogate not paired with its other half: no PostgreSQL text holds it. */
const UNSTORABLE = /[\0\p{Cs}]/u;

/**
 * The position a cursor of `encodeCursor` holds. Only the exact text it makes is one: Node's
 * base64 decoder skips what is not base64 (a NUL, `!`), so `<cursor>%00` decoded as the cursor.
 */
export function decodeCursor(cursor: string, sort: string): KeysetPosition {
  const decoded = decodeCursorValues(cursor);
  if (
    !Array.isArray(decoded) ||
    (decoded.length !== 3 && !(decoded.length === 4 && isRank(decoded[3]))) ||
    typeof decoded[0] !== 'string' ||
    (typeof decoded[1] !== 'string' && typeof decoded[1] !== 'number') ||
    (typeof decoded[1] === 'string' && !isStorableCursorText(decoded[1])) ||
    typeof decoded[2] !== 'string' ||
    !/^[0-9a-f-]{36}$/i.test(decoded[2])
  ) {
    throw ValidationError.field('cursor', 'cursor is not a cursor this API issued');
  }
  if (decoded[0] !== sort) {
    throw ValidationError.field('cursor', `cursor was issued for sort=${decoded[0]}; send the same sort`);
  }
  const position = { sort: decoded[0], value: decoded[1], id: decoded[2] };
  return decoded.length === 4 ? { ...position, rank: decoded[3] as number } : position;
}

/** A ranked list's rank: a small integer (`PaginateOptions.rank`). */
function isRank(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 100;
}

/**
 * What `encodeCursorValues` put in `cursor`, unchecked beyond being JSON in canonical base64url
 * (the caller checks the shape); a `ValidationError` on `cursor` otherwise.
 */
export function decodeCursorValues(cursor: string): unknown {
  try {
    const bytes = Buffer.from(cursor, 'base64url');
    if (bytes.toString('base64url') !== cursor) throw new Error('not canonical base64url');
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    throw ValidationError.field('cursor', 'cursor is not a cursor this API issued');
  }
}

/** True when `value` may sit in a cursor as text: no NUL, no lone surrogate (no PostgreSQL text holds them). */
export function isStorableCursorText(value: unknown): value is string {
  return typeof value === 'string' && !UNSTORABLE.test(value);
}
