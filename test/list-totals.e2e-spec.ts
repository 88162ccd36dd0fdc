import { randomUUID } from 'node:crypto';
import { encodeCursor } from '@clientele/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  captureQueries,
  createTestApp,
  signupTenant,
  type TenantFixture,
  type TestApp,
} from '@clientele/testing';

/** How lists know their `total` cheaply: live counts unfiltered, a capped count for other filters. */
describe('list totals', () => {
  let t: TestApp;
  let acme: TenantFixture;
  const ROWS = 10_050;

  beforeAll(async () => {
    t = await createTestApp();
    acme = await signupTenant(t.http);
    // Straight SQL, as a bulk import would: the record_count triggers must still count them.
    await t.db.query(
      `INSERT INTO contact (tenant_id, organization_id, name, primary_email, contact_type, status)
       SELECT $1, $2, 'Bulk ' || i, 'bulk' || i || '@example.test',
              CASE WHEN i % 2 = 0 THEN 'LEAD' ELSE 'CUSTOMER' END, 'Active'
         FROM generate_series(1, $3) AS i`,
      [acme.tenantId, acme.organizationId, ROWS],
    );
  });
  afterAll(async () => {
    await t.close();
  });

  async function list(query: string): Promise<{ total: number; totalCapped?: boolean; items: Array<{ id: string }> }> {
    const response = await t.http.get(`/api/crm/contacts?${query}`).set(bearer(acme.admin));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  }

  it('gives the unfiltered list its exact total from the live count', async () => {
    const page = await list('limit=5');
    expect(page.items).toHaveLength(5);
    expect(page).toMatchObject({ total: ROWS });
    expect(page.totalCapped).toBeUndefined();
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM contact WHERE organization_id = $1 AND deleted_at IS NULL`,
      [acme.organizationId],
    );
    expect(n).toBe(ROWS);
  });

  it('counts a filtered list exactly below the cap and flags it as a lower bound above', async () => {
    expect(await list('kind=LEAD&limit=1')).toMatchObject({ total: ROWS / 2 });
    // Not a counted column (see facet-counts): the matches themselves are counted, up to the cap.
    const capped = await list('isActive=true&limit=1');
    expect(capped).toMatchObject({ total: 10_000, totalCapped: true });
  });

  it('keeps the live count right through API deletes and SQL deletes', async () => {
    const [first] = (await list('limit=1')).items;
    await t.http
      .delete(`/api/crm/contacts/${first?.id ?? ''}`)
      .set(bearer(acme.admin))
      .expect(204);
    expect((await list('limit=1')).total).toBe(ROWS - 1);
    await t.db.query(`DELETE FROM contact WHERE organization_id = $1 AND name = 'Bulk 7'`, [acme.organizationId]);
    expect((await list('limit=1')).total).toBe(ROWS - 2);
    const created = await t.http
      .post('/api/crm/contacts')
      .set(bearer(acme.admin))
      .send({ firstName: 'Live', lastName: 'Count', kind: 'LEAD' });
    expect(created.status).toBe(201);
    expect((await list('limit=1')).total).toBe(ROWS - 1);
  });

  it('walks the same list by cursor without repeating rows', async () => {
    const first = await t.http.get('/api/crm/contacts?limit=50&sort=name').set(bearer(acme.admin));
    const second = await t.http
      .get(`/api/crm/contacts?limit=50&sort=name&cursor=${encodeURIComponent(first.body.nextCursor as string)}`)
      .set(bearer(acme.admin));
    expect(second.status).toBe(200);
    const ids = new Set([...first.body.items, ...second.body.items].map((item: { id: string }) => item.id));
    expect(ids.size).toBe(100);
    expect(second.body.total).toBe(first.body.total);
  });

  it('still knows the total on an empty page past the end of the list, exact or capped', async () => {
    const total = (await list('limit=1')).total;
    // Older than every row: the page after it is empty.
    const pastTheEnd = encodeCursor({ sort: '-createdAt', value: '2000-01-01T00:00:00.000Z', id: randomUUID() });
    expect(await list(`cursor=${encodeURIComponent(pastTheEnd)}`)).toMatchObject({
      items: [],
      total,
      nextCursor: null,
    });
    const leads = (await list('kind=LEAD&limit=1')).total;
    expect(await list('kind=LEAD&offset=10000&limit=100')).toMatchObject({ items: [], total: leads });
    expect(await list('kind=OTHER&limit=5')).toMatchObject({ items: [], total: 0 });
  });

  it('reads a page, its relations and its total in one statement', async () => {
    const capture = captureQueries(t.db);
    try {
      await list('limit=25');
      await list('kind=LEAD&limit=25');
    } finally {
      capture.stop();
    }
    const reads = capture.statements.filter((sql) => !/membership|auth_session/.test(sql));
    expect(reads).toHaveLength(2);
    for (const sql of reads) {
      expect(sql).toMatch(/FROM "contact"/);
      for (const column of ['relation_tags', 'relation_customer', 'page_total']) expect(sql).toContain(column);
      // The portal list reads the columns its response shows, and no others.
      const main = sql.replace(/\(SELECT[\s\S]*$/, '');
      expect(main).toContain('"contact"."primary_email"');
      for (const column of ['notes', 'budget', 'tenant_id', 'created_by', 'deleted_at']) {
        expect(main).not.toContain(`"contact"."${column}" AS`);
      }
    }
  });
});
