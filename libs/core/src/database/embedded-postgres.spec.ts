import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withJwtSecret } from '../config/jwt-secret';
import { loadConfig } from '../config/app-config';
import { EmbeddedPostgres } from './embedded-postgres';

/** Every entry under `root` (itself included) with its permission bits, as `path: mode` in octal. */
async function modes(root: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const visit = async (path: string): Promise<void> => {
    const info = await stat(path);
    found.set(path, (info.mode & 0o777).toString(8));
    if (info.isDirectory()) for (const name of await readdir(path)) await visit(join(path, name));
  };
  await visit(root);
  return found;
}

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

describe('EmbeddedPostgres access', () => {
  it('serves only its owner: a Unix socket in a directory of mode 0700, no TCP port', async () => {
    const embedded = await EmbeddedPostgres.start({ maxConnections: 2 });
    try {
      const url = new URL(embedded.url);
      const socketDirectory = url.searchParams.get('host') ?? '';
      expect(socketDirectory).toMatch(/^\//);
      expect(url.port).toBe('');
      const directory = await stat(socketDirectory);
      expect(directory.isDirectory()).toBe(true);
      expect((directory.mode & 0o777).toString(8)).toBe('700');
      expect(directory.uid).toBe(process.getuid?.());
      expect((await stat(join(socketDirectory, '.s.PGSQL.5432'))).isSocket()).toBe(true);
      const client = new pg.Client({ connectionString: embedded.url });
      await client.connect();
      const { rows } = await client.query<{ version: string }>('SELECT version()');
      expect(rows[0]?.version).toContain('PGlite');
      await client.end();
    } finally {
      await embedded.stop();
    }
  }, 60_000);

  it('keeps DATA_DIR 0700 and every file in it 0600, and tightens an existing one', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'clientele-data-'));
    const dataDir = join(parent, 'data');
    try {
      // An older install: DATA_DIR and a file in it readable and writable by everyone.
      await mkdir(dataDir, { mode: 0o755 });
      await chmod(dataDir, 0o755);
      await writeFile(join(dataDir, 'old-file'), 'x', { mode: 0o666 });
      await chmod(join(dataDir, 'old-file'), 0o666);
      const embedded = await EmbeddedPostgres.start({ dataDir, maxConnections: 2 });
      const pool = new pg.Pool({ connectionString: embedded.url, max: 1 });
      await pool.query('CREATE TABLE note (body text)');
      await pool.query(`INSERT INTO note VALUES ('secret')`);
      await pool.end();
      await embedded.stop();
      await withJwtSecret(loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'development' }));

      const found = await modes(dataDir);
      expect(found.size).toBeGreaterThan(100);
      const loose = [...found].filter(([, mode]) => mode !== '700' && mode !== '600').map(([path]) => path);
      expect(loose).toEqual([]);
      expect(found.get(dataDir)).toBe('700');
      expect(found.get(join(dataDir, 'jwt-secret'))).toBe('600');
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  }, 120_000);
});
