import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, login, type TestApp } from '@clientele/testing';
import { DEMO_ADMIN_EMAIL, type DemoLogin, seedDemoTenant } from '../apps/api/src/demo/demo-seeder';

describe('demo tenant seed', () => {
  let t: TestApp;
  let demo: DemoLogin | null;

  beforeAll(async () => {
    t = await createTestApp();
    demo = await seedDemoTenant(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  it('seeds Demo Ltd with customers, contacts and tags in one organization', async () => {
    expect(demo?.email).toBe(DEMO_ADMIN_EMAIL);
    const [counts] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM customer cu WHERE cu.tenant_id = t.id) AS customers,
              (SELECT count(*)::int FROM contact c WHERE c.tenant_id = t.id) AS contacts,
              (SELECT count(DISTINCT c.organization_id)::int FROM contact c WHERE c.tenant_id = t.id) AS organizations,
              (SELECT array_agg(name ORDER BY name) FROM tag WHERE tag.tenant_id = t.id) AS tags,
              (SELECT count(DISTINCT c.contact_type)::int FROM contact c WHERE c.tenant_id = t.id) AS kinds,
              (SELECT array_agg(DISTINCT c.status ORDER BY c.status) FROM contact c WHERE c.tenant_id = t.id) AS statuses
         FROM tenant t WHERE t.name = 'Demo Ltd'`,
    );
    expect(counts).toEqual({
      customers: 12,
      contacts: 60,
      organizations: 1,
      tags: ['Newsletter', 'Partner', 'VIP'],
      kinds: expect.any(Number),
      statuses: ['Active', 'Churned', 'Prospect'],
    });
    expect(counts.kinds).toBeGreaterThanOrEqual(5);

    const [jane] = await t.db.query(
      `SELECT c.name, c.job_title, c.status, cu.name AS customer, u.email AS owner,
              (SELECT array_agg(tg.name ORDER BY tg.name) FROM contact_tag ct JOIN tag tg ON tg.id = ct.tag_id
                WHERE ct.contact_id = c.id) AS tags
         FROM contact c JOIN customer cu ON cu.id = c.customer_id JOIN app_user u ON u.id = c.owner_id
        WHERE c.primary_email = 'jane.doe@acmecorp.com'`,
    );
    expect(jane).toEqual({
      name: 'Jane Doe',
      job_title: 'IT Manager',
      status: 'Active',
      customer: 'Acme Corp',
      owner: 'agent@demo.clientele.dev',
      tags: ['Newsletter', 'VIP'],
    });
    const [owned] = await t.db.query(
      `SELECT count(*)::int AS n FROM contact c JOIN app_user u ON u.id = c.owner_id
        WHERE u.email = 'agent@demo.clientele.dev'`,
    );
    expect(owned.n).toBe(20);

    const stages: Array<{ name: string; kind: string }> = await t.db.query(
      `SELECT s.name, s.kind FROM pipeline_stage s JOIN pipeline p ON p.id = s.pipeline_id
         JOIN tenant t ON t.id = s.tenant_id
        WHERE t.name = 'Demo Ltd' AND p.name = 'Sales' AND s.deleted_at IS NULL ORDER BY s.position`,
    );
    expect(stages.map((stage) => `${stage.name}:${stage.kind}`)).toEqual([
      'Lead:OPEN',
      'Qualified:OPEN',
      'Proposal:OPEN',
      'Negotiation:OPEN',
      'Won:WON',
      'Lost:LOST',
    ]);
  });

  it('seeds invoices in every status and two currencies, numbered from the organization’s sequence', async () => {
    const invoices: Array<{ status: string; currency: string; number: string | null; overdue: boolean }> =
      await t.db.query(
        `SELECT i.status, i.currency, i.number, (i.due_date < current_date AND i.balance > 0) AS overdue
           FROM invoice i JOIN tenant t ON t.id = i.tenant_id WHERE t.name = 'Demo Ltd' ORDER BY i.created_at`,
      );
    expect(invoices.map((each) => each.status).sort()).toEqual(
      ['DRAFT', 'PAID', 'PARTIALLY_PAID', 'SENT', 'SENT', 'VOID'].sort(),
    );
    expect(new Set(invoices.map((each) => each.currency))).toEqual(new Set(['GBP', 'EUR']));
    expect(invoices.some((each) => each.status === 'SENT' && each.overdue)).toBe(true);
    const [settings] = await t.db.query(
      `SELECT b.currency, b.monthly_total::text AS total, b.active FROM billing_settings b
         JOIN tenant t ON t.id = b.tenant_id WHERE t.name = 'Demo Ltd'`,
    );
    expect(settings).toEqual({ currency: 'GBP', total: '1200.0000', active: true });
    expect(invoices.filter((each) => each.number !== null).map((each) => each.number)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^INV-\d{4}-00001$/)]),
    );
  });

  it('makes a CRM the API reads: Jane Doe is found by search', async () => {
    const admin = await login(t.http, DEMO_ADMIN_EMAIL, demo?.password);
    const response = await t.http.get('/api/crm/search').query({ q: 'jane' }).set(bearer(admin));
    expect(response.status).toBe(200);
    expect(response.body.contacts[0]).toMatchObject({
      title: 'Jane Doe',
      subtitle: 'jane.doe@acmecorp.com · Acme Corp',
    });
  });

  it('seeds once: a second run leaves the tenant as it is', async () => {
    expect(await seedDemoTenant(t.app)).toBeNull();
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM contact`);
    expect(n).toBe(60);
  });
});
