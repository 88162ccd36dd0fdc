import { Readable } from 'node:stream';
import type Cursor from 'pg-cursor';
import type { QueryRunner } from 'typeorm';
import { csvLine } from './csv-escape';
import type { ExportColumn } from './export-column';
import type { ExportFormat } from './export-format';

/**
 * Rows pulled from a database cursor one batch at a time, only as fast as the client reads,
 * so an export of a million rows keeps memory flat (at most the batch being encoded and the
 * next one, fetched meanwhile so the database and the encoding overlap). Closing, failing or
 * being abandoned by the client all end in `_destroy`, which closes the cursor and gives the
 * connection back.
 */
export class CursorExportStream<Row> extends Readable {
  /** The next batch: already read (the first) or being read. */
  private next: Promise<Row[]> | null;
  private headerSent = false;

  constructor(
    private readonly runner: QueryRunner,
    private readonly cursor: Cursor<Row>,
    firstBatch: Row[],
    private readonly batchSize: number,
    private readonly columns: readonly ExportColumn<Row>[],
    private readonly format: ExportFormat,
  ) {
    super();
    this.next = Promise.resolve(firstBatch);
  }

  override _read(): void {
    this.pump().catch((error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error))));
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    // A read still in flight finishes first: the cursor cannot be closed under it.
    void (this.next ?? Promise.resolve([]))
      .catch(() => undefined)
      .then(() => this.cursor.close())
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
    const batch = this.next === null ? [] : await this.next;
    this.next = batch.length < this.batchSize ? null : this.prefetch();
    if (batch.length === 0) {
      this.push(null);
      return;
    }
    this.push(batch.map((row) => this.encode(row)).join(''));
  }

  private prefetch(): Promise<Row[]> {
    const read = this.cursor.read(this.batchSize);
    // Awaited by the next pump, or by `_destroy`; until then a failure must not go unhandled.
    read.catch(() => undefined);
    return read;
  }

  private encode(row: Row): string {
    if (this.format === 'csv') return csvLine(this.columns.map((column) => column.value(row)));
    const record: Record<string, unknown> = {};
    for (const column of this.columns) record[column.header] = column.value(row) ?? null;
    return `${JSON.stringify(record)}\n`;
  }
}
