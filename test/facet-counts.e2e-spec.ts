import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  captureQueries,
  memberWithRole,
  type Session,
  signupTenant,
  type TenantFixture,
  type TestApp,
  createTestApp,
} from '@clientele/testing';

interface ListBody {
  total: number;
  totalCapped?: boolean;
  items: Array<{ id: string }>;
}

interface FacetRow {
  key: string;
  count: number;
}

/**
 * Per-value counters of the columns lists filter on (contacts: kind, status, owner; customers:
 * kind, owner): exact totals for lists narrowed only by them, however many records match, kept
 * right by every kind of write.
 */
describe('facet counts', () => {
  let t: TestApp;
  let acme: TenantFixture;
  let globex: TenantFixture;
  let agent: Session;
  const ROWS = 12_000;

  beforeAll(async () => {
    t = await createTestApp();
    acme = await signupTenant(t.http);
    globex = await signupTenant(t.http);
    agent = await memberWithRole(t.http, acme, 'AGENT');
    // Straight SQL, as a bulk import would: a third each of LEAD/CUSTOMER/PARTNER, statuses in
    // mixed case, every fourth owned by the agent.
    await t.db.query(
      `INSERT INTO contact (tenant_id, organization_id, name, contact_type, status, owner_id)
       SELECT $1, $2, 'Bulk ' || i, (ARRAY['LEAD', 'CUSTOMER', 'PARTNER'])[i % 3 + 1],
              CASE WHEN i % 10 = 0 THEN 'prospect' WHEN i % 2 = 0 THEN 'Active' ELSE 'ACTIVE' END,
              CASE WHEN i % 4 = 0 THEN $4::uuid END
         FROM generate_series(1, $3) AS i`,
      [acme.tenantId, acme.organizationId, ROWS, agent.userId],
    );
  });
  afterAll(async () => {
    await t.close();
  });

  async function list(path: string, session: Session = acme.admin): Promise<ListBody> {
    const response = await t.http.get(path).set(bearer(session));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as ListBody;
  }

  async function liveCount(where: string, params: unknown[] = []): Promise<number> {
    const [{ n }] = await t.db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM contact WHERE deleted_at IS NULL AND tenant_id = $1 AND ${where}`,
      [acme.tenantId, ...params],
    );
    return n;
  }

  /** The counters, next to the same counts taken from the rows themselves. */
  async function countersAndRows(table: 'contact' | 'customer'): Promise<{ counters: FacetRow[]; rows: FacetRow[] }> {
    const key =
      table === 'contact'
        ? `concat_ws('/', tenant_id, organization_id, contact_type, lower(status), owner_id)`
        : `concat_ws('/', tenant_id, organization_id, kind, owner_id)`;
    const counters = await t.db.query<FacetRow[]>(
      `SELECT ${key} AS key, count::int AS count FROM ${table}_facet_count WHERE count <> 0 ORDER BY 1`,
    );
    const rows = await t.db.query<FacetRow[]>(
      `SELECT ${key} AS key, count(*)::int AS count FROM ${table} WHERE deleted_at IS NULL GROUP BY 1 ORDER BY 1`,
    );
    return { counters, rows };
  }

  it('answers kind + status + owner exactly from the counters, above the cap too', async () => {
    const active = await list('/api/crm/contacts?status=active&limit=1');
    expect(active.totalCapped).toBeUndefined();
    expect(active.total).toBe(await liveCount(`lower(status) = 'active'`));
    expect(active.total).toBeGreaterThan(10_000);

    const leads = await list(`/api/crm/contacts?kind=LEAD&status=Prospect&ownerId=${agent.userId}&limit=5`);
    const expected = await liveCount(`contact_type = 'LEAD' AND lower(status) = 'prospect' AND owner_id = $2`, [
      agent.userId,
    ]);
    expect(expected).toBeGreaterThan(0);
    expect(leads).toMatchObject({ total: expected });
    expect(leads.items).toHaveLength(5);

    // The Gauzy surface shares the filter and the totals.
    const gauzy = await list(
      `/api/organization-contact?where[organizationId]=${acme.organizationId}&where[contactType]=PARTNER&take=1`,
    );
    expect(gauzy.total).toBe(await liveCount(`contact_type = 'PARTNER'`));
    expect(gauzy.total).toBeGreaterThan(3_000);
  });

  it('reads the facet total in the page statement, without counting the matches', async () => {
    const capture = captureQueries(t.db);
    try {
      await list('/api/crm/contacts?kind=LEAD&status=Active&limit=25');
    } finally {
      capture.stop();
    }
    const [page] = capture.statements.filter((sql) => /FROM "contact"/.test(sql));
    expect(page).toContain('contact_facet_count');
    expect(page).not.toContain('LIMIT 10001');
  });

  it('still counts up to the cap when another filter applies', async () => {
    expect(await list('/api/crm/contacts?status=Active&isActive=true&limit=1')).toMatchObject({
      total: 10_000,
      totalCapped: true,
    });
    const searched = await list('/api/crm/contacts?kind=LEAD&q=bulk%201&limit=1');
    expect(searched.totalCapped).toBeUndefined();
    // q forgives a typo: it matches what contains "bulk 1" or is that close to it (`<%` at the search's 0.4).
    expect(searched.total).toBe(
      await liveCount(
        `contact_type = 'LEAD' AND (search_text LIKE '%bulk 1%' OR word_similarity('bulk 1', search_text) >= 0.4)`,
      ),
    );
  });

  it('keeps the counters equal to the rows through API and SQL writes', async () => {
    const created = await t.http
      .post('/api/crm/contacts')
      .set(bearer(acme.admin))
      .send({ firstName: 'Facet', lastName: 'Moves', kind: 'LEAD', status: 'Prospect' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = (created.body as { id: string }).id;
    const moved = await t.http
      .patch(`/api/crm/contacts/${id}`)
      .set(bearer(acme.admin))
      .send({ kind: 'CUSTOMER', status: 'Churned', ownerId: agent.userId });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(await list(`/api/crm/contacts?kind=CUSTOMER&status=churned&ownerId=${agent.userId}&limit=1`)).toMatchObject({
      total: 1,
      items: [{ id }],
    });
    await t.http.delete(`/api/crm/contacts/${id}`).set(bearer(acme.admin)).expect(204);
    expect(await list(`/api/crm/contacts?status=Churned&limit=1`)).toMatchObject({ total: 0, items: [] });

    // Bulk SQL: a status change over thousands of rows, a soft delete, a hard delete, a move.
    await t.db.query(`UPDATE contact SET status = 'Churned' WHERE tenant_id = $1 AND name LIKE 'Bulk 1%'`, [
      acme.tenantId,
    ]);
    await t.db.query(`UPDATE contact SET deleted_at = now() WHERE tenant_id = $1 AND name LIKE 'Bulk 2%'`, [
      acme.tenantId,
    ]);
    await t.db.query(`DELETE FROM contact WHERE tenant_id = $1 AND name LIKE 'Bulk 3%'`, [acme.tenantId]);
    await t.db.query(
      `UPDATE contact SET owner_id = NULL, contact_type = 'LEAD' WHERE tenant_id = $1 AND name LIKE 'Bulk 4%'`,
      [acme.tenantId],
    );
    await t.db.query(`UPDATE contact SET deleted_at = NULL WHERE tenant_id = $1 AND name LIKE 'Bulk 21%'`, [
      acme.tenantId,
    ]);

    const { counters, rows } = await countersAndRows('contact');
    expect(counters.length).toBeGreaterThan(10);
    expect(counters).toEqual(rows);
    expect(await list('/api/crm/contacts?status=churned&limit=1')).toMatchObject({
      total: await liveCount(`lower(status) = 'churned'`),
    });
  });

  it('leaves the counters alone when an update changes no counted column', async () => {
    const [contact] = await t.db.query<Array<{ id: string; status: string; contact_type: string; owner_id: string }>>(
      `SELECT id, lower(status) AS status, contact_type, owner_id FROM contact
        WHERE tenant_id = $1 AND deleted_at IS NULL AND owner_id IS NOT NULL LIMIT 1`,
      [acme.tenantId],
    );
    const counterVersion = async (): Promise<string> => {
      const [row] = await t.db.query<Array<{ version: string }>>(
        `SELECT xmin::text AS version FROM contact_facet_count
          WHERE tenant_id = $1 AND contact_type = $2 AND status = $3 AND owner_id = $4`,
        [acme.tenantId, contact.contact_type, contact.status, contact.owner_id],
      );
      return row.version;
    };
    const before = await counterVersion();
    const renamed = await t.http
      .patch(`/api/crm/contacts/${contact.id}`)
      .set(bearer(acme.admin))
      .send({ jobTitle: 'Renamed', status: contact.status.toUpperCase() });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(await counterVersion()).toBe(before);
  });

  it('gives customers the same: exact totals by kind and owner, kept right by writes', async () => {
    for (const kind of ['LEAD', 'PARTNER']) {
      const created = await t.http
        .post('/api/crm/customers')
        .set(bearer(acme.admin))
        .send({ name: `Facet ${kind} Ltd`, kind, ownerId: agent.userId });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    await t.db.query(
      `INSERT INTO customer (tenant_id, organization_id, name, kind)
       SELECT $1, $2, 'Bulk customer ' || i, 'PARTNER' FROM generate_series(1, 40) AS i`,
      [acme.tenantId, acme.organizationId],
    );
    const partners = await list(`/api/crm/customers?kind=PARTNER&ownerId=${agent.userId}&limit=1`);
    expect(partners).toMatchObject({ total: 1, items: [{}] });
    expect(await list('/api/crm/customers?kind=PARTNER&limit=1')).toMatchObject({ total: 41 });
    const { counters, rows } = await countersAndRows('customer');
    expect(counters).toEqual(rows);
  });

  it("never counts another tenant's or organization's rows", async () => {
    await t.db.query(
      `INSERT INTO contact (tenant_id, organization_id, name, contact_type, status)
       SELECT $1, $2, 'Other ' || i, 'LEAD', 'Active' FROM generate_series(1, 30) AS i`,
      [globex.tenantId, globex.organizationId],
    );
    expect(await list('/api/crm/contacts?kind=LEAD&status=Active&limit=1', globex.admin)).toMatchObject({
      total: 30,
    });
    const branch = await t.http.post('/api/organizations').set(bearer(acme.admin)).send({ name: 'Facet branch' });
    expect(branch.status).toBe(201);
    const branchId = (branch.body as { id: string }).id;
    expect(await list(`/api/crm/contacts?organizationId=${branchId}&kind=LEAD&status=Active&limit=1`)).toMatchObject({
      total: 0,
      items: [],
    });
  });
});
