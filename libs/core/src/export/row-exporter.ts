import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { PoolClient } from 'pg';
import Cursor from 'pg-cursor';
import { DataSource } from 'typeorm';
import { CursorExportStream } from './cursor-export-stream';
import type { ExportColumn } from './export-column';
import type { ExportFormat } from './export-format';

/** Rows fetched per round trip: large enough to be quick, small enough to keep memory flat. */
const BATCH_SIZE = 2000;

/** A built SELECT: the SQL and its parameters, e.g. from `SelectQueryBuilder.getQueryAndParameters()`. */
export type SqlQuery = readonly [sql: string, parameters: readonly unknown[]];

/** Streams the rows of one SELECT as CSV or NDJSON from a server-side cursor. */
@Injectable()
export class RowExporter {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Opens the cursor and reads the first batch before answering, so a query that fails does so
   * while an error response can still be sent; the rest is read as the client consumes it.
   */
  async open<Row>(
    [sql, parameters]: SqlQuery,
    columns: readonly ExportColumn<Row>[],
    format: ExportFormat,
  ): Promise<Readable> {
    const runner = this.dataSource.createQueryRunner('slave');
    // TypeORM types its connection as `any`; with the postgres driver it is a pg pool client.
    const client = (await runner.connect()) as PoolClient;
    const cursor = client.query(new Cursor<Row>(sql, [...parameters]));
    try {
      const firstBatch = await cursor.read(BATCH_SIZE);
      return new CursorExportStream(runner, cursor, firstBatch, BATCH_SIZE, columns, format);
    } catch (error) {
      await cursor.close().catch(() => undefined);
      await runner.release();
      throw error;
    }
  }
}
