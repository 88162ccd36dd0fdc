import type { PoolClient } from 'pg';
import type { Cell, RowSink } from './row-sink';

/** PostgreSQL accepts at most 65,535 bind parameters per statement. */
const MAX_PARAMETERS = 60_000;

/**
 * Rows written as batched multi-row INSERTs: for servers where COPY FROM STDIN is not
 * available over the wire (the embedded PGlite socket server).
 */
export class InsertSink implements RowSink {
  private readonly batchRows: number;
  private batch: Cell[] = [];
  private rowsInBatch = 0;
  private rows = 0;

  constructor(
    private readonly client: PoolClient,
    private readonly table: string,
    private readonly columns: readonly string[],
  ) {
    this.batchRows = Math.max(1, Math.min(1000, Math.floor(MAX_PARAMETERS / columns.length)));
  }

  async write(row: readonly Cell[]): Promise<void> {
    this.batch.push(...row);
    this.rowsInBatch++;
    this.rows++;
    if (this.rowsInBatch >= this.batchRows) await this.flush();
  }

  /** Flushes; the connection stays with its owner (the sinks of a load share one). */
  async end(): Promise<number> {
    await this.flush();
    return this.rows;
  }

  private async flush(): Promise<void> {
    if (this.rowsInBatch === 0) return;
    const width = this.columns.length;
    const tuples: string[] = [];
    for (let row = 0; row < this.rowsInBatch; row++) {
      tuples.push(`(${this.columns.map((_, column) => `$${row * width + column + 1}`).join(', ')})`);
    }
    await this.client.query(
      `INSERT INTO ${this.table} (${this.columns.join(', ')}) VALUES ${tuples.join(', ')}`,
      this.batch,
    );
    this.batch = [];
    this.rowsInBatch = 0;
  }
}
