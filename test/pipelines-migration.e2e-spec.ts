import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '@clientele/core';
import { createTestApp, signupTenant, type TenantFixture, type TestApp } from '@clientele/testing';

describe('migration 1764000014000 (pipelines and deals)', () => {
  let t: TestApp;
  let acme: TenantFixture;

  beforeAll(async () => {
    t = await createTestApp();
    acme = await signupTenant(t.http);
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives every organization that existed before it the default pipeline, and comes down cleanly', async () => {
    const index = MIGRATIONS.findIndex((migration) => migration.name === 'PipelinesAndDeals1764000014000');
    const Migration = MIGRATIONS[index];
    if (Migration === undefined) throw new Error('migration not listed');
    // The migrations after it (activities and notes point at deals) come down first and go up again after it.
    const later = MIGRATIONS.slice(index + 1);
    const runner = t.db.createQueryRunner();
    try {
      for (const Later of [...later].reverse()) await new Later().down(runner);
      await new Migration().down(runner);
      const [{ tables }] = await runner.query(
        `SELECT count(*)::int AS tables FROM pg_tables WHERE tablename IN ('pipeline', 'pipeline_stage', 'deal', 'deal_tag')`,
      );
      expect(tables).toBe(0);
      // An organization made while the tables did not exist, as the ones of a database being upgraded.
      const [older] = await runner.query(
        `INSERT INTO organization (tenant_id, name) VALUES ($1, 'Older branch') RETURNING id`,
        [acme.tenantId],
      );
      await new Migration().up(runner);
      for (const Later of later) await new Later().up(runner);
      const rows: Array<{ organization_id: string; name: string; stages: string[]; kinds: string[] }> =
        await runner.query(
          `SELECT p.organization_id, p.name,
                array_agg(s.name ORDER BY s.position) AS stages, array_agg(s.kind ORDER BY s.position) AS kinds
           FROM pipeline p JOIN pipeline_stage s ON s.pipeline_id = p.id
          WHERE p.tenant_id = $1 GROUP BY p.id ORDER BY p.organization_id`,
          [acme.tenantId],
        );
      expect(rows).toEqual(
        [acme.organizationId, older.id as string].sort().map((organizationId) => ({
          organization_id: organizationId,
          name: 'Sales',
          stages: ['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Won', 'Lost'],
          kinds: ['OPEN', 'OPEN', 'OPEN', 'OPEN', 'WON', 'LOST'],
        })),
      );
      const [{ counted }] = await runner.query(
        `SELECT count(*)::int AS counted FROM counted_table WHERE name = 'deal'`,
      );
      expect(counted).toBe(1);
    } finally {
      await runner.release();
    }
  });
});
