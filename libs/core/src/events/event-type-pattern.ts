import { escapeLike } from '../database/escape-like';

/** `contact.updated`, `contact.*`, `*.deleted` or `*`. */
export const EVENT_TYPE_PATTERN = /^(\*|(\*|[a-z][a-z0-9_]*)\.(\*|[a-z][a-z0-9_]*))$/;

/** A type pattern as a SQL `LIKE` pattern (`*` matches any run of characters). */
export function eventTypeLike(pattern: string): string {
  return pattern
    .split('*')
    .map((part) => escapeLike(part))
    .join('%');
}
