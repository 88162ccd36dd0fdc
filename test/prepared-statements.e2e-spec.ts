import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PreparingClient, StatementNames } from '@clientele/core';
import { bearer, createTestApp, createTestDatabase, signupTenant, type TestApp } from '@clientele/testing';
import type { QueryRunner } from 'typeorm';

interface PreparedRow {
  name: string;
  statement: string;
}

const preparedOn = async (runner: QueryRunner): Promise<PreparedRow[]> =>
  (await runner.query('SELECT name, statement FROM pg_prepared_statements ORDER BY name')) as PreparedRow[];

describe('StatementNames', () => {
  it('names a statement on its second run, under a name never reused, up to its limit', () => {
    const names = new StatementNames(2);
    expect(names.nameOf('SELECT $1')).toBeUndefined();
    expect(names.nameOf('SELECT $1')).toBe('clientele_1');
    expect(names.nameOf('SELECT $1')).toBe('clientele_1');
    expect(names.nameOf('SELECT $2')).toBeUndefined();
    expect(names.nameOf('SELECT $2')).toBe('clientele_2');
    // The limit is reached: a third statement stays unnamed however often it runs.
    expect(names.nameOf('SELECT $3')).toBeUndefined();
    expect(names.nameOf('SELECT $3')).toBeUndefined();
    expect(names.size).toBe(2);
  });
});

describe('PreparingClient', () => {
  it('prepares repeated statements with parameters and runs the rest as they are', async () => {
    const database = await createTestDatabase();
    const client = new PreparingClient({ connectionString: database.url });
    try {
      await client.connect();
      const sums: number[] = [];
      for (const n of [1, 2, 3]) {
        const result = await client.query<{ sum: number }>('SELECT $1::int + 40 AS sum', [n]);
        sums.push(result.rows[0]?.sum ?? -1);
      }
      expect(sums).toEqual([41, 42, 43]);
      // Prepared once, planned for each run's values: a generic plan would not see them. (The
      // embedded database, where the app never uses this client, ignores startup options.)
      if (!database.embedded) {
        expect((await client.query<{ plan_cache_mode: string }>('SHOW plan_cache_mode')).rows).toEqual([
          { plan_cache_mode: 'force_custom_plan' },
        ]);
      }
      // A callback, as pg-pool's own `query` passes one.
      const viaCallback = await new Promise<number>((resolve, reject) => {
        void client.query<{ sum: number }>('SELECT $1::int + 40 AS sum', [9], (error, result) => {
          if (error instanceof Error) reject(error);
          else resolve(result.rows[0]?.sum ?? -1);
        });
      });
      expect(viaCallback).toBe(49);
      await client.query('SELECT 1 AS one');
      await client.query('SELECT 1 AS one');
      const prepared = await client.query<PreparedRow>('SELECT name, statement FROM pg_prepared_statements');
      expect(prepared.rows).toEqual([{ name: 'clientele_1', statement: 'SELECT $1::int + 40 AS sum' }]);
      // A statement that fails to parse is not taken for prepared: it fails the same way again.
      for (let run = 0; run < 3; run += 1) {
        await expect(client.query('SELEC $1', [1])).rejects.toThrow(/syntax error/);
      }
      expect((await client.query<{ sum: number }>('SELECT $1::int + 40 AS sum', [2])).rows).toEqual([{ sum: 42 }]);
    } finally {
      await client.end();
      await database.drop();
    }
  });
});

/**
 * The app's pool prepares the statements it repeats on PostgreSQL; on the embedded database
 * (the tests' default without TEST_DATABASE_URL) it does not, as its connections share one session.
 */
describe("the app's pool", () => {
  let t: TestApp;
  let runner: QueryRunner;

  beforeAll(async () => {
    t = await createTestApp();
    runner = t.db.createQueryRunner();
    await runner.connect();
  });

  afterAll(async () => {
    await runner.release();
    await t.close();
  });

  it('runs a repeated parameterized statement prepared when the database is PostgreSQL', async () => {
    const text = 'SELECT count(*)::int AS roles FROM role WHERE tenant_id IS NULL AND name <> $1';
    const counts: unknown[] = [];
    for (let run = 0; run < 3; run += 1) counts.push(await runner.query(text, ['NO SUCH ROLE']));
    expect(new Set(counts.map((rows) => JSON.stringify(rows))).size).toBe(1);
    const prepared = (await preparedOn(runner)).filter((row) => row.statement === text);
    expect(prepared).toHaveLength(t.config.database.preparedStatements ? 1 : 0);
  });

  it('serves the same lists with prepared statements as without', async () => {
    const acme = await signupTenant(t.http);
    for (const [firstName, lastName] of [
      ['Ada', 'Lovelace'],
      ['Alan', 'Turing'],
      ['Grace', 'Hopper'],
    ]) {
      const created = await t.http.post('/api/crm/contacts').set(bearer(acme.admin)).send({ firstName, lastName });
      expect(created.status).toBe(201);
    }
    const pages: unknown[] = [];
    for (let run = 0; run < 4; run += 1) {
      const page = await t.http.get('/api/crm/contacts?sort=name&limit=2').set(bearer(acme.admin));
      expect(page.status).toBe(200);
      pages.push(page.body);
    }
    const first = pages[0] as { items: { name: string }[]; total: number };
    expect(first.items.map((item) => item.name)).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(first.total).toBe(3);
    for (const page of pages) expect(page).toEqual(first);
  });
});
