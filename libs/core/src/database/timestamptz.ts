import { types } from 'pg';

/** PostgreSQL's type oid of `timestamptz`. */
const TIMESTAMPTZ = 1184;

const defaultTimestamptz = types.getTypeParser(TIMESTAMPTZ, 'text') as (text: string) => unknown;

/** The value of `length` decimal digits at `start`, or -1 if one of them is not a digit. */
function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    // Past the end of the text, charCodeAt is NaN: not a digit either.
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** `YYYY-MM-DD HH:MM:SS`: the separators where PostgreSQL's ISO output puts them. */
function hasIsoSeparators(text: string): boolean {
  return (
    text.charCodeAt(4) === 45 &&
    text.charCodeAt(7) === 45 &&
    text.charCodeAt(10) === 32 &&
    text.charCodeAt(13) === 58 &&
    text.charCodeAt(16) === 58
  );
}

/**
 * A `timestamptz` as PostgreSQL writes it (DateStyle ISO): `YYYY-MM-DD HH:MM:SS[.ffffff]±HH[:MM]`,
 * read with arithmetic on character codes. node-postgres's own parser runs three regular
 * expressions per value, a few percent of a list page's CPU with two timestamps per row. Anything
 * else (infinity, BC, a year before 1000, an offset with seconds, another DateStyle) goes to it.
 * Digits past milliseconds are dropped, as `Date` does.
 */
export function parseTimestamptz(text: string): unknown {
  const length = text.length;
  if (length < 22 || !hasIsoSeparators(text)) return defaultTimestamptz(text);
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  let at = 19;
  let milliseconds = 0;
  if (text.charCodeAt(at) === 46 /* . */) {
    at++;
    for (let scale = 100; at < length; at++, scale /= 10) {
      const digit = text.charCodeAt(at) - 48;
      if (digit < 0 || digit > 9) break;
      if (scale >= 1) milliseconds += digit * scale;
    }
  }
  const sign = text.charCodeAt(at) === 43 /* + */ ? 1 : text.charCodeAt(at) === 45 /* - */ ? -1 : 0;
  const offsetHours = digits(text, at + 1, 2);
  at += 3;
  let offsetMinutes = 0;
  if (text.charCodeAt(at) === 58 /* : */) {
    offsetMinutes = digits(text, at + 1, 2);
    at += 3;
  }
  if (
    at !== length ||
    sign === 0 ||
    year < 1000 ||
    Math.min(month, day, hour, minute, second, milliseconds, offsetHours, offsetMinutes) < 0
  ) {
    return defaultTimestamptz(text);
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, milliseconds);
  return new Date(utc - sign * (offsetHours * 60 + offsetMinutes) * 60_000);
}

/**
 * The type parsers of the app's connections (node-postgres's `types` option): its own, except
 * `timestamptz`.
 */
export const CONNECTION_TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): unknown {
    if (oid === TIMESTAMPTZ && format !== 'binary') return parseTimestamptz;
    return format === 'binary' ? types.getTypeParser(oid, 'binary') : types.getTypeParser(oid, 'text');
  },
};
