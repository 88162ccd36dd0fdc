import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aCustomer,
  bearer,
  createTestDatabase,
  ensureBuilt,
  signupTenant,
  spawnApi,
  type SpawnedApi,
  stopSpawned,
  type TenantFixture,
  type TestDatabase,
} from '@clientele/testing';

/**
 * Two built API processes on one PostgreSQL database run `POST /api/billing/run` for the same
 * period at the same moment, several times over: the unique `(tenant, organization, customer,
 * billing_period)` index makes exactly one draft per customer and period, whichever process wins.
 *
 * Needs a real PostgreSQL (`TEST_DATABASE_URL`).
 */
describe('billing run: two API processes, one database', () => {
  let database: TestDatabase;
  let admin: pg.Client;
  let first: SpawnedApi;
  let second: SpawnedApi;
  let acme: TenantFixture;
  let globex: TenantFixture;

  const settings = {
    currency: 'GBP',
    dayOfMonth: 1,
    timeZone: 'Europe/London',
    lines: [{ description: 'Managed support', quantity: '1', unitPrice: '1000.00', taxRate: '20' }],
  };

  beforeAll(async () => {
    await ensureBuilt();
    database = await createTestDatabase();
    if (database.embedded) throw new Error('billing-two-processes needs a real PostgreSQL: set TEST_DATABASE_URL');
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    [first, second] = await Promise.all([
      spawnApi({ databaseUrl: database.url }),
      spawnApi({ databaseUrl: database.url }),
    ]);
    acme = await signupTenant(first.http);
    globex = await signupTenant(second.http);
  }, 240_000);

  afterAll(async () => {
    await stopSpawned();
    await admin?.end();
    await database?.drop();
  });

  /** `count` customers of `tenant` with active monthly billing, made through `api`. */
  async function billedCustomers(api: SpawnedApi, tenant: TenantFixture, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const customer = await api.http
        .post('/api/crm/customers')
        .set(bearer(tenant.admin))
        .set('X-Organization-Id', tenant.organizationId)
        .send(aCustomer());
      expect(customer.status, JSON.stringify(customer.body)).toBe(201);
      const id = (customer.body as { id: string }).id;
      const saved = await api.http
        .put(`/api/crm/customers/${id}/billing-settings`)
        .set(bearer(tenant.admin))
        .set('X-Organization-Id', tenant.organizationId)
        .send(settings);
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      ids.push(id);
    }
    return ids;
  }

  function run(api: SpawnedApi, tenant: TenantFixture, period: string) {
    return api.http
      .post('/api/billing/run')
      .set(bearer(tenant.admin))
      .set('X-Organization-Id', tenant.organizationId)
      .send({ period });
  }

  it('makes exactly one draft per customer and period when both processes run the same period at once', async () => {
    const acmeCustomers = await billedCustomers(first, acme, 8);
    const globexCustomers = await billedCustomers(second, globex, 3);

    for (const period of ['2026-01', '2026-02']) {
      const runs = await Promise.all([
        run(first, acme, period),
        run(second, acme, period),
        run(first, acme, period),
        run(second, acme, period),
        run(second, globex, period),
        run(first, globex, period),
      ]);
      for (const response of runs) expect(response.status, JSON.stringify(response.body)).toBe(200);
      const createdByAcmeRuns = runs.slice(0, 4).flatMap((response) => response.body.createdInvoiceIds as string[]);
      const createdByGlobexRuns = runs.slice(4).flatMap((response) => response.body.createdInvoiceIds as string[]);

      const { rows } = await admin.query<{ tenant_id: string; customer_id: string; id: string; status: string }>(
        `SELECT tenant_id, customer_id, id, status FROM invoice
          WHERE billing_period = $1 AND deleted_at IS NULL ORDER BY tenant_id, customer_id`,
        [period],
      );
      const of = (tenant: TenantFixture) => rows.filter((row) => row.tenant_id === tenant.tenantId);
      expect(
        of(acme)
          .map((row) => row.customer_id)
          .sort(),
      ).toEqual([...acmeCustomers].sort());
      expect(
        of(globex)
          .map((row) => row.customer_id)
          .sort(),
      ).toEqual([...globexCustomers].sort());
      expect(rows.every((row) => row.status === 'DRAFT')).toBe(true);
      // Every stored bill was reported created by exactly one run, in its own tenant.
      expect([...createdByAcmeRuns].sort()).toEqual(
        of(acme)
          .map((row) => row.id)
          .sort(),
      );
      expect([...createdByGlobexRuns].sort()).toEqual(
        of(globex)
          .map((row) => row.id)
          .sort(),
      );
      const { rows: events } = await admin.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox_event
          WHERE type = 'invoice.created' AND entity_id = ANY($1::uuid[])`,
        [rows.map((row) => row.id)],
      );
      expect(events[0]?.n).toBe(rows.length);
    }

    const again = await run(second, acme, '2026-01');
    expect(again.body).toMatchObject({ createdInvoiceIds: [], alreadyBilled: acmeCustomers.length });
    expect(first.alive && second.alive).toBe(true);
  });
});
