import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BillingRunJob } from '@clientele/crm';
import {
  bearer,
  createCrmWorld,
  createTestApp,
  type CrmRecords,
  crmRecords,
  expectProblem,
  type Session,
  type TenantFixture,
  type TestApp,
} from '@clientele/testing';

describe('billing settings and the monthly run', () => {
  let t: TestApp;
  let acme: TenantFixture;
  let globex: TenantFixture;
  let viewer: Session;
  let agent: Session;
  let branchId: string;
  let crm: CrmRecords;

  function as(
    session: Session,
    organizationId = session === globex.admin ? globex.organizationId : acme.organizationId,
  ) {
    return {
      get: (url: string) => t.http.get(url).set(bearer(session)).set('X-Organization-Id', organizationId),
      put: (url: string, body: object) =>
        t.http.put(url).set(bearer(session)).set('X-Organization-Id', organizationId).send(body),
      post: (url: string, body: object) =>
        t.http.post(url).set(bearer(session)).set('X-Organization-Id', organizationId).send(body),
    };
  }

  const settings = {
    currency: 'GBP',
    dayOfMonth: 1,
    timeZone: 'Europe/London',
    paymentTermsDays: 14,
    lines: [{ description: 'Managed support', quantity: '1', unitPrice: '1000.00', taxRate: '20' }],
  };

  beforeAll(async () => {
    t = await createTestApp();
    const world = await createCrmWorld(t.http);
    ({ acme, globex, viewer, agent, branchId } = world);
    crm = crmRecords(t.http, world);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers inactive defaults until settings are saved, then the saved settings and the customer’s billing line', async () => {
    const customer = await crm.createCustomer(acme.admin, { name: 'Billed Ltd' });
    const url = `/api/crm/customers/${customer.id}/billing-settings`;
    const empty = await as(viewer).get(url);
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ configured: false, active: false, lines: [], currency: 'GBP' });

    const saved = await as(acme.admin).put(url, settings);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ configured: true, active: true, monthlyTotal: '1200.00', dayOfMonth: 1 });
    const [row] = await t.db.query(
      `SELECT tenant_id, organization_id, currency, day_of_month, time_zone, monthly_total::text, active
         FROM billing_settings WHERE customer_id = $1`,
      [customer.id],
    );
    expect(row).toEqual({
      tenant_id: acme.tenantId,
      organization_id: acme.organizationId,
      currency: 'GBP',
      day_of_month: 1,
      time_zone: 'Europe/London',
      monthly_total: '1200.0000',
      active: true,
    });
    const listed = await as(viewer).get(`/api/crm/customers?q=Billed`);
    expect(listed.body.items[0].billingSummary).toMatch(/^GBP 1,200\.00 monthly, next bill 1 [A-Z][a-z]{2} \d{4}$/);
  });

  it('refuses bad settings (400 with the field), foreign contacts and customers (404), and non-editors (403)', async () => {
    const customer = await crm.createCustomer(acme.admin);
    const url = `/api/crm/customers/${customer.id}/billing-settings`;
    expectProblem(await as(acme.admin).put(url, { ...settings, dayOfMonth: 31 }), 400, 'VALIDATION_FAILED', [
      'dayOfMonth',
    ]);
    expectProblem(await as(acme.admin).put(url, { ...settings, timeZone: 'Mars/Olympus' }), 400, 'VALIDATION_FAILED', [
      'timeZone',
    ]);
    expectProblem(
      await as(acme.admin).put(url, { ...settings, lines: [{ description: 'x', unitPrice: '1.005' }] }),
      400,
      'AMOUNT_TOO_PRECISE',
      ['lines.0.unitPrice'],
    );
    const foreignContact = await crm.createContact(globex.admin);
    expectProblem(
      await as(acme.admin).put(url, { ...settings, contactId: foreignContact.id }),
      404,
      'CONTACT_NOT_FOUND',
      ['contactId'],
    );
    expectProblem(await as(agent).put(url, settings), 403, 'FORBIDDEN');
    expectProblem(await as(globex.admin).get(url), 404, 'CUSTOMER_NOT_FOUND');
    expectProblem(await as(globex.admin).put(url, settings), 404, 'CUSTOMER_NOT_FOUND');
    const branchCustomer = await crm.createCustomer(acme.admin, {}, branchId);
    expectProblem(
      await as(viewer).get(`/api/crm/customers/${branchCustomer.id}/billing-settings`),
      404,
      'CUSTOMER_NOT_FOUND',
    );
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM billing_settings WHERE customer_id = $1`, [
      customer.id,
    ]);
    expect(n).toBe(0);
  });

  it('makes one draft per active customer and period, however many runs race; another tenant’s run bills only its own', async () => {
    const customers = [await crm.createCustomer(acme.admin), await crm.createCustomer(acme.admin)];
    for (const customer of customers) {
      const response = await as(acme.admin).put(`/api/crm/customers/${customer.id}/billing-settings`, settings);
      expect(response.status).toBe(200);
    }
    const inactive = await crm.createCustomer(acme.admin);
    await as(acme.admin).put(`/api/crm/customers/${inactive.id}/billing-settings`, { ...settings, active: false });

    const runs = await Promise.all([
      as(acme.admin).post('/api/billing/run', { period: '2026-01' }),
      as(acme.admin).post('/api/billing/run', { period: '2026-01' }),
      as(acme.admin).post('/api/billing/run', { period: '2026-01' }),
    ]);
    for (const run of runs) expect(run.status, JSON.stringify(run.body)).toBe(200);
    const created = runs.flatMap((run) => run.body.createdInvoiceIds as string[]);
    const stored: Array<{ customer_id: string; status: string; issue_date: string; due_date: string; total: string }> =
      await t.db.query(
        `SELECT customer_id, status, to_char(issue_date, 'YYYY-MM-DD') AS issue_date, to_char(due_date, 'YYYY-MM-DD') AS due_date,
                total::text FROM invoice WHERE billing_period = '2026-01' AND tenant_id = $1 ORDER BY customer_id`,
        [acme.tenantId],
      );
    // Every active customer of the organization once (earlier tests' customer too), the inactive one never.
    expect(stored.map((each) => each.customer_id)).toEqual(expect.arrayContaining(customers.map((each) => each.id)));
    expect(stored.map((each) => each.customer_id)).not.toContain(inactive.id);
    expect(new Set(stored.map((each) => each.customer_id)).size).toBe(stored.length);
    expect(created.sort()).toHaveLength(stored.length);
    for (const each of stored) {
      expect(each).toMatchObject({
        status: 'DRAFT',
        issue_date: '2026-01-01',
        due_date: '2026-01-15',
        total: '1200.0000',
      });
    }
    const again = await as(acme.admin).post('/api/billing/run', { period: '2026-01' });
    expect(again.body).toMatchObject({ createdInvoiceIds: [], alreadyBilled: stored.length });
    const [completed] = await t.db.query(
      `SELECT count(*)::int AS n FROM outbox_event WHERE type = 'billing.run_completed' AND tenant_id = $1`,
      [acme.tenantId],
    );
    expect(completed.n).toBe(4);

    const foreign = await as(globex.admin).post('/api/billing/run', { period: '2026-01' });
    expect(foreign.body).toMatchObject({ createdInvoiceIds: [], alreadyBilled: 0 });
  });

  it('leaves a period the customer’s time zone has not reached, and refuses bad periods and non-editors', async () => {
    const customer = await crm.createCustomer(acme.admin);
    await as(acme.admin).put(`/api/crm/customers/${customer.id}/billing-settings`, settings);
    const future = await as(acme.admin).post('/api/billing/run', { period: '2099-12' });
    expect(future.status).toBe(200);
    expect(future.body.createdInvoiceIds).toEqual([]);
    expect(future.body.notYetDue).toBeGreaterThanOrEqual(1);
    expectProblem(await as(acme.admin).post('/api/billing/run', { period: '2026-13' }), 400, 'VALIDATION_FAILED', [
      'period',
    ]);
    expectProblem(await as(acme.admin).post('/api/billing/run', {}), 400, 'VALIDATION_FAILED', ['period']);
    expectProblem(await as(agent).post('/api/billing/run', { period: '2026-02' }), 403, 'FORBIDDEN');
    expectProblem(await as(viewer).post('/api/billing/run', { period: '2026-02' }), 403, 'FORBIDDEN');
  });

  it('the scheduled run bills a customer once its day has come in its time zone, and only once', async () => {
    const customer = await crm.createCustomer(acme.admin);
    await as(acme.admin).put(`/api/crm/customers/${customer.id}/billing-settings`, {
      ...settings,
      dayOfMonth: 5,
      timeZone: 'Pacific/Auckland',
    });
    const job = t.app.get(BillingRunJob);
    const manager = t.app.get(DataSource).manager;
    const bills = async (): Promise<string[]> => {
      const rows: Array<{ billing_period: string }> = await t.db.query(
        `SELECT billing_period FROM invoice WHERE customer_id = $1 ORDER BY billing_period`,
        [customer.id],
      );
      return rows.map((row) => row.billing_period);
    };
    // 4 Mar 2030 10:30 UTC is 23:30 in Auckland (NZDT, +13), 11:30 UTC is 5 Mar 00:30 there: its day has come.
    await job.run({ manager, signal: new AbortController().signal }, new Date('2030-03-04T10:30:00Z'));
    expect(await bills()).toEqual([]);
    await job.run({ manager, signal: new AbortController().signal }, new Date('2030-03-04T11:30:00Z'));
    expect(await bills()).toEqual(['2030-03']);
    await job.run({ manager, signal: new AbortController().signal }, new Date('2030-03-20T00:00:00Z'));
    await job.run({ manager, signal: new AbortController().signal }, new Date('2030-03-20T00:00:00Z'));
    expect(await bills()).toEqual(['2030-03']);
    // 31 Mar 11:00 UTC is already April in Auckland, but not yet its 5th.
    await job.run({ manager, signal: new AbortController().signal }, new Date('2030-03-31T11:00:00Z'));
    expect(await bills()).toEqual(['2030-03']);
  });
});
