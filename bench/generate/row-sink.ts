/** A cell: text, or null for SQL NULL. Numbers, booleans and timestamps arrive as their text. */
export type Cell = string | null;

/** Where generated rows of one table go: a COPY stream or batched multi-row INSERTs. */
export interface RowSink {
  write(row: readonly Cell[]): Promise<void>;
  end(): Promise<number>;
}

export type SinkFactory = (table: string, columns: readonly string[]) => Promise<RowSink>;
