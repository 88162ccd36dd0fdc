import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedPostgres } from './embedded-postgres';

describe('EmbeddedPostgres', () => {
  let embedded: EmbeddedPostgres;
  let pool: pg.Pool;

  beforeAll(async () => {
    embedded = await EmbeddedPostgres.start({ maxConnections: 10 });
    pool = new pg.Pool({ connectionString: embedded.url, max: 8 });
    await pool.query('CREATE TABLE item (id serial PRIMARY KEY, a text, b text)');
  }, 60_000);
  afterAll(async () => {
    await pool.end();
    await embedded.stop();
  });

  it('keeps the extended-protocol messages of concurrent pooled connections apart', async () => {
    // Statements with different parameter counts, transactions and failures, all at once:
    // interleaved messages show up as "bind message supplies 2 parameters" or a stalled queue.
    const failures: unknown[] = [];
    await Promise.all(
      Array.from({ length: 400 }, async (_, index) => {
        try {
          if (index % 4 === 0) {
            await pool.query('INSERT INTO item (a, b) VALUES ($1, $2)', ['x'.repeat(index), String(index)]);
          } else if (index % 4 === 1) {
            const client = await pool.connect();
            try {
              await client.query('BEGIN');
              await client.query('SELECT * FROM item WHERE a = $1', ['y']);
              await client.query('COMMIT');
            } finally {
              client.release();
            }
          } else if (index % 4 === 2) {
            await expect(pool.query('SELECT $1::int / 0', [index])).rejects.toThrow(/division by zero/);
          } else {
            const { rows } = await pool.query<{ value: number }>('SELECT $1::int AS value', [index]);
            expect(rows[0]?.value).toBe(index);
          }
        } catch (error) {
          failures.push(error);
        }
      }),
    );
    expect(failures).toEqual([]);
    const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM item');
    expect(Number(rows[0]?.n)).toBe(100);
  }, 60_000);

  it('keeps a transaction on its own connection while others query', async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('INSERT INTO item (a) VALUES ($1)', ['tx-1']);
      const outside = pool.query<{ n: string }>("SELECT count(*) AS n FROM item WHERE a LIKE 'tx-%'");
      await client.query('INSERT INTO item (a) VALUES ($1)', ['tx-2']);
      await client.query('COMMIT');
      expect(Number((await outside).rows[0]?.n)).toBe(2);
    } finally {
      client.release();
    }
  });
});
