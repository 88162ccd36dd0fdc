import { describe, expect, it } from 'vitest';
import { csvLine, escapeCsvCell } from './csv-escape';

describe('escapeCsvCell', () => {
  it('leaves plain text as it is', () => {
    expect(escapeCsvCell('Jane Doe')).toBe('Jane Doe');
    expect(escapeCsvCell('')).toBe('');
    expect(escapeCsvCell(' Jane')).toBe(' Jane');
    expect(escapeCsvCell('a = b')).toBe('a = b');
  });

  it('quotes cells with commas, quotes and line breaks, doubling inner quotes (RFC 4180)', () => {
    expect(escapeCsvCell('Doe, Jane')).toBe('"Doe, Jane"');
    expect(escapeCsvCell('The "Boss"')).toBe('"The ""Boss"""');
    expect(escapeCsvCell('two\nlines')).toBe('"two\nlines"');
    expect(escapeCsvCell('two\r\nlines')).toBe('"two\r\nlines"');
  });

  it.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ['\n=1+1', `"'\n=1+1"`],
    [' =1+1', "' =1+1"],
    ['\u200b=1+1', "'\u200b=1+1"],
    ['\ufeff@SUM(A1)', "'\ufeff@SUM(A1)"],
    ['\u00a0 -1', "'\u00a0 -1"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
  ])('neutralises a formula-like cell %j', (value, expected) => {
    expect(escapeCsvCell(value)).toBe(expected);
  });

  it('writes empty cells for null and undefined, ISO 8601 for dates, and numbers and booleans as they are', () => {
    expect(escapeCsvCell(null)).toBe('');
    expect(escapeCsvCell(undefined)).toBe('');
    expect(escapeCsvCell(new Date('2026-06-04T10:00:00.000Z'))).toBe('2026-06-04T10:00:00.000Z');
    expect(escapeCsvCell(-5)).toBe('-5');
    expect(escapeCsvCell(true)).toBe('true');
  });
});

describe('csvLine', () => {
  it('joins cells with commas and ends the record with CRLF', () => {
    expect(csvLine(['a', 'b,c', null, 3])).toBe('a,"b,c",,3\r\n');
  });
});
