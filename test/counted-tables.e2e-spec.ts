import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CountedTables, countedTotal, installCountedTable, uninstallCountedTable } from '@clientele/core';
import { createTestApp, signupTenant, type TenantFixture, type TestApp } from '@clientele/testing';

const WIDGETS = {
  table: 'widget',
  facets: [
    { column: 'kind', type: 'text' as const },
    { column: 'owner_id', type: 'uuid' as const },
  ],
};

// The runtime side of a module's counted table, from its own file.
CountedTables.register({ key: 'widget', facets: [{ column: 'kind' }, { column: 'owner_id' }] });

/** A new module's counted table, declared in one call as its migration would. */
describe('installCountedTable', () => {
  let t: TestApp;
  let acme: TenantFixture;

  beforeAll(async () => {
    t = await createTestApp();
    acme = await signupTenant(t.http);
    await t.db.query(`
      CREATE TABLE widget (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(), tenant_id uuid NOT NULL, organization_id uuid NOT NULL,
        kind text NOT NULL, owner_id uuid, deleted_at timestamptz)`);
    // Rows from before the table was counted: the install counts them.
    await t.db.query(
      `INSERT INTO widget (tenant_id, organization_id, kind) SELECT $1, $2, 'SMALL' FROM generate_series(1, 3)`,
      [acme.tenantId, acme.organizationId],
    );
    const runner = t.db.createQueryRunner();
    try {
      await installCountedTable(runner, WIDGETS);
    } finally {
      await runner.release();
    }
  });
  afterAll(async () => {
    await t.close();
  });

  async function total(facets: Array<{ column: string; value: string }>): Promise<number> {
    const counted = countedTotal('widget', acme.tenantId, [acme.organizationId], facets);
    if (counted === undefined) throw new Error('no counted total');
    const names = Object.keys(counted.parameters);
    let sql = counted.sql;
    for (const [index, name] of names.entries()) sql = sql.replaceAll(`:${name}`, `$${index + 1}`);
    const [{ n }] = await t.db.query<Array<{ n: number }>>(
      `SELECT (${sql})::int AS n`,
      Object.values(counted.parameters),
    );
    return n;
  }

  it('counts the rows there were, then keeps counting writes', async () => {
    expect(await total([])).toBe(3);
    expect(await total([{ column: 'kind', value: 'SMALL' }])).toBe(3);
    await t.db.query(`INSERT INTO widget (tenant_id, organization_id, kind, owner_id) VALUES ($1, $2, 'LARGE', $3)`, [
      acme.tenantId,
      acme.organizationId,
      acme.admin.userId,
    ]);
    await t.db.query(
      `UPDATE widget SET deleted_at = now() WHERE id = (SELECT id FROM widget WHERE kind = 'SMALL' LIMIT 1)`,
    );
    expect(await total([])).toBe(3);
    expect(await total([{ column: 'kind', value: 'SMALL' }])).toBe(2);
    expect(
      await total([
        { column: 'kind', value: 'LARGE' },
        { column: 'owner_id', value: acme.admin.userId },
      ]),
    ).toBe(1);
  });

  it('is rebuilt by refresh_counts() with the others', async () => {
    await t.db.query(`UPDATE record_count SET count = 99 WHERE entity = 'widget'`);
    await t.db.query(`UPDATE widget_facet_count SET count = 99`);
    await t.db.query(`SELECT refresh_counts()`);
    expect(await total([])).toBe(3);
    expect(await total([{ column: 'kind', value: 'SMALL' }])).toBe(2);
    const [{ names }] = await t.db.query<Array<{ names: string[] }>>(
      `SELECT array_agg(name ORDER BY name) AS names FROM counted_table`,
    );
    expect(names).toEqual(['contact', 'customer', 'deal', 'invoice', 'ticket', 'widget']);
  });

  it('leaves nothing behind when uninstalled', async () => {
    const runner = t.db.createQueryRunner();
    try {
      await uninstallCountedTable(runner, WIDGETS);
    } finally {
      await runner.release();
    }
    const [{ left }] = await t.db.query<Array<{ left: number }>>(
      `SELECT (SELECT count(*) FROM record_count WHERE entity = 'widget')
            + (SELECT count(*) FROM counted_table WHERE name = 'widget')
            + (SELECT count(*) FROM pg_trigger WHERE tgrelid = 'widget'::regclass AND NOT tgisinternal)
            + (SELECT count(*) FROM pg_class WHERE relname = 'widget_facet_count')
            + (SELECT count(*) FROM pg_proc WHERE proname LIKE 'refresh_widget%') AS left`,
    );
    expect(Number(left)).toBe(0);
    await t.db.query(`SELECT refresh_counts()`);
  });
});
