import type { CsvValue } from './csv-escape';

/** One column of an export: its header (CSV) or key (NDJSON) and how to read it from a row. */
export interface ExportColumn<Row> {
  readonly header: string;
  readonly value: (row: Row) => CsvValue;
}
