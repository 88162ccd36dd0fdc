import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, signupTenant, type TenantFixture, type TestApp } from '@clientele/testing';

interface SlotRow {
  slot: number;
  count: number;
}

/** The organization's live contact count, spread over slots (migration 1764000011000). */
describe('record_count slots', () => {
  let t: TestApp;
  let acme: TenantFixture;

  beforeAll(async () => {
    t = await createTestApp({ DATABASE_POOL_SIZE: '10' });
    acme = await signupTenant(t.http);
  });
  afterAll(async () => {
    await t.close();
  });

  async function slots(): Promise<SlotRow[]> {
    return t.db.query<SlotRow[]>(
      `SELECT slot::int AS slot, count::int AS count FROM record_count
        WHERE tenant_id = $1 AND organization_id = $2 AND entity = 'contact' ORDER BY slot`,
      [acme.tenantId, acme.organizationId],
    );
  }

  async function liveContacts(): Promise<number> {
    const [{ n }] = await t.db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM contact WHERE tenant_id = $1 AND deleted_at IS NULL`,
      [acme.tenantId],
    );
    return n;
  }

  async function listTotal(): Promise<number> {
    const page = await t.http.get('/api/crm/contacts?limit=1').set(bearer(acme.admin)).expect(200);
    return (page.body as { total: number }).total;
  }

  const sum = (rows: readonly SlotRow[]): number => rows.reduce((total, row) => total + row.count, 0);

  it('sums concurrent creates spread over several slots to the exact total', async () => {
    const created = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        t.http
          .post('/api/crm/contacts')
          .set(bearer(acme.admin))
          .send({ firstName: 'Slot', lastName: `Writer ${i}`, email: `slot-${i}@example.test` }),
      ),
    );
    expect(created.map((response) => response.status)).toEqual(Array(24).fill(201));
    const rows = await slots();
    expect(rows.length).toBeGreaterThan(1);
    for (const { slot } of rows) expect(slot).toBeGreaterThanOrEqual(0);
    for (const { slot } of rows) expect(slot).toBeLessThan(8);
    expect(sum(rows)).toBe(24);
    expect(await liveContacts()).toBe(24);
    expect(await listTotal()).toBe(24);
  });

  it('decrements on concurrent deletes, whichever slot counted the row in', async () => {
    const page = await t.http.get('/api/crm/contacts?limit=10').set(bearer(acme.admin)).expect(200);
    const ids = (page.body as { items: Array<{ id: string }> }).items.map((item) => item.id);
    const deleted = await Promise.all(
      ids.map((id) => t.http.delete(`/api/crm/contacts/${id}`).set(bearer(acme.admin))),
    );
    expect(deleted.map((response) => response.status)).toEqual(Array(10).fill(204));
    // Straight SQL too: a hard delete and a soft delete outside the API.
    await t.db.query(`DELETE FROM contact WHERE tenant_id = $1 AND primary_email = 'slot-0@example.test'`, [
      acme.tenantId,
    ]);
    await t.db.query(
      `UPDATE contact SET deleted_at = now() WHERE tenant_id = $1 AND primary_email = 'slot-1@example.test' AND deleted_at IS NULL`,
      [acme.tenantId],
    );
    const live = await liveContacts();
    expect(live).toBeGreaterThanOrEqual(12);
    expect(live).toBeLessThanOrEqual(14);
    expect(sum(await slots())).toBe(live);
    expect(await listTotal()).toBe(live);
  });

  it('lets a second writer of the organization commit while the first still holds its counter slot', async () => {
    const first = t.db.createQueryRunner();
    const second = t.db.createQueryRunner();
    await first.connect();
    await second.connect();
    const insert = `INSERT INTO contact (tenant_id, organization_id, name, contact_type, status)
                    VALUES ($1, $2, $3, 'LEAD', $4)`;
    try {
      await first.startTransaction();
      await first.query(insert, [acme.tenantId, acme.organizationId, 'Held open', 'first-writer']);
      const [{ slot: held }] = (await first.query(`SELECT (txid_current() % 8)::int AS slot`)) as Array<{
        slot: number;
      }>;
      // Another transaction id lands on another slot unless it is congruent mod 8: skip those.
      let committed = false;
      for (let attempt = 0; attempt < 4 && !committed; attempt += 1) {
        await second.startTransaction();
        const [{ slot }] = (await second.query(`SELECT (txid_current() % 8)::int AS slot`)) as Array<{ slot: number }>;
        if (slot === held) {
          await second.rollbackTransaction();
          continue;
        }
        // Before the slots, this insert waited for the first transaction's counter row: a lock timeout.
        await second.query(`SET LOCAL lock_timeout = '2s'`);
        await second.query(insert, [acme.tenantId, acme.organizationId, 'Not blocked', 'second-writer']);
        await second.commitTransaction();
        committed = true;
      }
      expect(committed).toBe(true);
      await first.commitTransaction();
    } finally {
      if (first.isTransactionActive) await first.rollbackTransaction();
      if (second.isTransactionActive) await second.rollbackTransaction();
      await first.release();
      await second.release();
    }
    expect(sum(await slots())).toBe(await liveContacts());
  });

  it('folds the slots back into one row with refresh_counts(), totals unchanged', async () => {
    const before = await listTotal();
    await t.db.query(`SELECT refresh_counts()`);
    const rows = await slots();
    expect(rows).toEqual([{ slot: 0, count: before }]);
    expect(await listTotal()).toBe(before);
    // The facet counters are rebuilt as well, equal to the rows.
    const [{ mismatches }] = await t.db.query<Array<{ mismatches: number }>>(
      `SELECT count(*)::int AS mismatches FROM (
         SELECT tenant_id, organization_id, contact_type, lower(status) AS status, owner_id, count(*) AS count
           FROM contact WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5
         EXCEPT SELECT tenant_id, organization_id, contact_type, status, owner_id, count FROM contact_facet_count
       ) missing`,
    );
    expect(mismatches).toBe(0);
  });
});
