import { once } from 'node:events';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Cell, RowSink } from './row-sink';

const SPECIAL = /[\\\t\n\r]/;

/** Rows streamed with `COPY … FROM STDIN` (text format): the fastest bulk load PostgreSQL has. */
export class CopySink implements RowSink {
  private rows = 0;
  private buffer = '';

  private constructor(
    private readonly client: PoolClient,
    private readonly stream: ReturnType<typeof copyFrom>,
  ) {}

  /** Takes over `client` (one COPY per connection at a time) and releases it at `end()`. */
  static open(client: PoolClient, table: string, columns: readonly string[]): CopySink {
    return new CopySink(client, client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
  }

  async write(row: readonly Cell[]): Promise<void> {
    this.buffer += `${row.map(encode).join('\t')}\n`;
    this.rows++;
    // Batching lines into ~64 KiB chunks keeps the per-write overhead of the stream small.
    if (this.buffer.length >= 65_536) await this.flush();
  }

  async end(): Promise<number> {
    await this.flush();
    const finished = once(this.stream, 'finish');
    this.stream.end();
    await finished;
    this.client.release();
    return this.rows;
  }

  private async flush(): Promise<void> {
    if (this.buffer === '') return;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
}

function encode(cell: Cell): string {
  if (cell === null) return '\\N';
  if (!SPECIAL.test(cell)) return cell;
  return cell.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}
