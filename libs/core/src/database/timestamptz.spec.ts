import { types } from 'pg';
import { describe, expect, it } from 'vitest';
import { dataSourceOptions } from './data-source-options';
import { CONNECTION_TYPES, parseTimestamptz } from './timestamptz';

const nodePostgres = types.getTypeParser(1184, 'text') as (text: string) => unknown;

function time(value: unknown): number {
  if (!(value instanceof Date)) throw new Error(`not a Date: ${String(value)}`);
  return value.getTime();
}

describe('parseTimestamptz', () => {
  it("reads PostgreSQL's ISO output as node-postgres does, for any offset and precision", () => {
    const samples = [
      '2026-11-24 08:00:00+00',
      '2026-11-24 08:00:00.1+00',
      '2026-11-24 08:00:00.12+00',
      '2026-11-24 08:00:00.123+00',
      '2026-11-24 08:00:00.999+00',
      '2026-11-24 23:59:59.5+05:30',
      '2026-01-01 00:30:00.007-03',
      '2024-02-29 12:00:00.25-09:30',
      '1999-12-31 23:59:59.999+14',
      '1000-01-01 00:00:00+00',
      '9999-12-31 23:59:59.999-12',
    ];
    // Random instants, written as PostgreSQL would in UTC.
    for (let i = 0; i < 500; i++) {
      const iso = new Date(Math.floor(Math.random() * 4_102_444_800_000)).toISOString();
      samples.push(`${iso.slice(0, 10)} ${iso.slice(11, 23)}+00`);
    }
    for (const text of samples) expect(time(parseTimestamptz(text)), text).toBe(time(nodePostgres(text)));
  });

  it('drops the digits past milliseconds instead of rounding', () => {
    expect(time(parseTimestamptz('2026-11-24 08:00:00.123999+00'))).toBe(Date.UTC(2026, 10, 24, 8, 0, 0, 123));
  });

  it("leaves what it does not read quickly to node-postgres's parser", () => {
    for (const text of [
      'infinity',
      '-infinity',
      '2026-11-24 08:00:00+00 BC',
      '0099-01-01 00:00:00+00',
      '1883-11-18 12:00:00+00:01:15',
      '24/11/2026 08:00:00 UTC',
      '2026-11-24 08:00:00.123+',
      '2026-11-24 08:00:00.123+1',
    ]) {
      const expected = nodePostgres(text);
      const actual = parseTimestamptz(text);
      if (expected instanceof Date) expect(time(actual), text).toBe(time(expected));
      else expect(actual, text).toEqual(expected);
    }
  });

  it('is the parser of timestamptz text on the app connections, and only of it', () => {
    expect(CONNECTION_TYPES.getTypeParser(1184, 'text')).toBe(parseTimestamptz);
    expect(CONNECTION_TYPES.getTypeParser(1114, 'text')).toBe(types.getTypeParser(1114, 'text'));
    expect(CONNECTION_TYPES.getTypeParser(1184, 'binary')).toBe(types.getTypeParser(1184, 'binary'));
    const { extra } = dataSourceOptions({ url: 'postgres://localhost/app', poolSize: 1 }) as { extra?: unknown };
    expect(extra).toMatchObject({ types: CONNECTION_TYPES });
  });
});
