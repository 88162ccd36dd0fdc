import { type RawRow, Registry, type RegistryEntry } from '@clientele/core';
import type { ContractStatus } from './customer-stats';

/**
 * The customer row's figures that other modules own: the response's contract (OpenAPI), each
 * filled by the column its module registers in `CustomerColumns`.
 */
export interface CustomerColumnValues {
  /** Open tickets of the customer (tickets module). */
  openTicketCount: number;
  /** Support contract state (contracts module). */
  contractStatus: ContractStatus;
  /** One line about automated billing (billing module). */
  billingSummary: string | null;
}

export type CustomerColumnKey = keyof CustomerColumnValues;

/**
 * One figure of a customer row. `sql` is a column of the customer's own statement (a correlated
 * subquery on the module's table, evaluated for the page's rows only); a column without it has
 * the same value for every customer and costs the statement nothing.
 */
export interface CustomerColumn<K extends CustomerColumnKey = CustomerColumnKey> extends RegistryEntry {
  readonly key: K;
  sql?(alias: string): string;
  /** The value from what `sql` selected (`undefined` without `sql`). */
  read(selected: unknown): CustomerColumnValues[K];
}

/**
 * The customer list's columns other modules own (open tickets, contract status, billing
 * summary), in the order of the CSV export; each module registers its own from its files.
 */
export const CustomerColumns = new Registry<CustomerColumn>('customer column');

/** Registers a column, with its value type checked against its key. */
export function registerCustomerColumn<K extends CustomerColumnKey>(column: CustomerColumn<K>): void {
  CustomerColumns.register(column);
}

const selectedAs = (key: string): string => `column_${key}`;

/** The registered columns' SQL, to add to a customer query whose alias is `alias`. */
export function customerColumnSelects(alias: string): Array<{ sql: string; alias: string }> {
  return CustomerColumns.list().flatMap((column) =>
    column.sql === undefined ? [] : [{ sql: column.sql(alias), alias: selectedAs(column.key) }],
  );
}

/** One registered column's value from a raw row of a query given `customerColumnSelects`. */
export function readCustomerColumn(column: CustomerColumn, raw: RawRow): CustomerColumnValues[CustomerColumnKey] {
  return column.read(column.sql === undefined ? undefined : raw[selectedAs(column.key)]);
}

/** The registered columns' values from a raw row of a query given `customerColumnSelects`. */
export function readCustomerColumns(raw: RawRow): CustomerColumnValues {
  const values: Record<string, unknown> = {};
  for (const column of CustomerColumns.list()) values[column.key] = readCustomerColumn(column, raw);
  return values as unknown as CustomerColumnValues;
}

/** Every key of `CustomerColumnValues` (the compiler keeps this in step with the interface). */
const COLUMN_KEYS = Object.keys({
  openTicketCount: true,
  contractStatus: true,
  billingSummary: true,
} satisfies Record<CustomerColumnKey, true>);

/** Fails the start when a figure of the response has no column (its module or placeholder is missing). */
export function assertCustomerColumnsComplete(): void {
  const missing = COLUMN_KEYS.filter((key) => !CustomerColumns.has(key));
  if (missing.length > 0) throw new Error(`no customer column registered for ${missing.join(', ')}`);
}
