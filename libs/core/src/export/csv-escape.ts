/**
 * RFC 4180 CSV with spreadsheet formula injection neutralised (OWASP "CSV injection"): a text
 * cell starting with `=`, `+`, `-`, `@`, tab, carriage return or line feed is prefixed with `'`,
 * so a spreadsheet shows it as text instead of evaluating it. Spreadsheets skip leading spaces,
 * zero-width characters and a BOM before a formula, and read the fullwidth `＝＋－＠` as the ASCII
 * ones, so a trigger behind any of those counts too.
 */
const FORMULA_START = /^[\t\r\n]|^[\s\u200b-\u200d\u2060\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;
const NEEDS_QUOTES = /[",\r\n]/;

export type CsvValue = string | number | boolean | Date | null | undefined;

export function escapeCsvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  // Numbers and booleans are written by us, never typed by a user: they cannot carry a formula.
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record: cells joined by commas and ended by CRLF, as RFC 4180 asks. */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(escapeCsvCell).join(',')}\r\n`;
}
