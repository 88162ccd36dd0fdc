/**
 * RFC 4180 CSV with spreadsheet formula injection neutralised (OWASP "CSV injection"): a text
 * cell starting with `=`, `+`, `-`, `@`, tab or carriage return is prefixed with `'`, so a
 * spreadsheet shows it as text instead of evaluating it.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
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
