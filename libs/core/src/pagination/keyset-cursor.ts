import { ValidationError } from '../errors/domain-error';

/** The position after the last row of a page: its sort value and id. */
export interface KeysetPosition {
  /** The sort the cursor was made for; a cursor is only valid with the same sort. */
  readonly sort: string;
  readonly value: string | number;
  readonly id: string;
}

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.sort, position.value, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string, sort: string): KeysetPosition {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw ValidationError.field('cursor', 'cursor is not a cursor this API issued');
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== 3 ||
    typeof decoded[0] !== 'string' ||
    (typeof decoded[1] !== 'string' && typeof decoded[1] !== 'number') ||
    typeof decoded[2] !== 'string' ||
    !/^[0-9a-f-]{36}$/i.test(decoded[2])
  ) {
    throw ValidationError.field('cursor', 'cursor is not a cursor this API issued');
  }
  if (decoded[0] !== sort) {
    throw ValidationError.field('cursor', `cursor was issued for sort=${decoded[0]}; send the same sort`);
  }
  return { sort: decoded[0], value: decoded[1], id: decoded[2] };
}
