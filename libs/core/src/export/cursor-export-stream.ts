import { Readable } from 'node:stream';
import type Cursor from 'pg-cursor';
import type { QueryRunner } from 'typeorm';
import { csvLine } from './csv-escape';
import type { ExportColumn } from './export-column';
import type { ExportFormat } from './export-format';

/**
 * Rows pulled from a database cursor one batch at a time, only as fast as the client reads,
 * so an export of a million rows keeps memory flat. Closing, failing or being abandoned by
 * the client all end in `_destroy`, which closes the cursor and gives the connection back.
 */
export class CursorExportStream<Row> extends Readable {
  private pending: Row[] | null;
  private headerSent = false;
  private exhausted = false;

  constructor(
    private readonly runner: QueryRunner,
    private readonly cursor: Cursor<Row>,
    firstBatch: Row[],
    private readonly batchSize: number,
    private readonly columns: readonly ExportColumn<Row>[],
    private readonly format: ExportFormat,
  ) {
    super();
    this.pending = firstBatch;
  }

  override _read(): void {
    this.pump().catch((error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error))));
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.cursor
      .close()
      .catch(() => undefined)
      .finally(() => {
        // A broken connection is dropped by TypeORM's own error listener; a sound one goes back.
        void this.runner.release();
        callback(error);
      });
  }

  private async pump(): Promise<void> {
    if (!this.headerSent) {
      this.headerSent = true;
      if (this.format === 'csv') {
        this.push(csvLine(this.columns.map((column) => column.header)));
        return;
      }
    }
    const batch = this.pending ?? (this.exhausted ? [] : await this.cursor.read(this.batchSize));
    this.pending = null;
    if (batch.length < this.batchSize) this.exhausted = true;
    if (batch.length === 0) {
      this.push(null);
      return;
    }
    this.push(batch.map((row) => this.encode(row)).join(''));
  }

  private encode(row: Row): string {
    if (this.format === 'csv') return csvLine(this.columns.map((column) => column.value(row)));
    const record: Record<string, unknown> = {};
    for (const column of this.columns) record[column.header] = column.value(row) ?? null;
    return `${JSON.stringify(record)}\n`;
  }
}
