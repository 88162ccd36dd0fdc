import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, login, type TestApp } from '@clientele/testing';
import { DEMO_ADMIN_EMAIL, type DemoLogin, resetDemoPassword, seedDemoTenant } from '../apps/api/src/demo/demo-seeder';

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

  it('gives demo contacts activities (some overdue, some completed) and notes', async () => {
    const [feed] = await t.db.query(
      `SELECT count(*)::int AS activities,
              count(*) FILTER (WHERE a.completed_at IS NOT NULL)::int AS completed,
              count(*) FILTER (WHERE a.completed_at IS NULL AND a.due_at < now())::int AS overdue,
              count(*) FILTER (WHERE a.completed_at IS NULL AND a.due_at >= now())::int AS ahead,
              (SELECT count(*)::int FROM activity_contact l WHERE l.tenant_id = t.id) AS links,
              (SELECT count(*)::int FROM note n WHERE n.tenant_id = t.id AND n.contact_id IS NOT NULL) AS contact_notes
         FROM tenant t JOIN activity a ON a.tenant_id = t.id WHERE t.name = 'Demo Ltd'
        GROUP BY t.id`,
    );
    expect(feed.activities).toBeGreaterThanOrEqual(30);
    expect(feed.links).toBeGreaterThanOrEqual(30);
    expect(feed.completed).toBeGreaterThan(0);
    expect(feed.overdue).toBeGreaterThan(0);
    expect(feed.ahead).toBeGreaterThan(0);
    expect(feed.contact_notes).toBeGreaterThan(0);

    const admin = await login(t.http, DEMO_ADMIN_EMAIL, demo?.password);
    const overdue = await t.http.get('/api/activities').query({ state: 'overdue' }).set(bearer(admin));
    expect(overdue.status).toBe(200);
    expect(overdue.body.total).toBe(feed.overdue);
  });

  it('gives the default pipeline deals in every stage, some rotting, and the board sums them', async () => {
    const admin = await login(t.http, DEMO_ADMIN_EMAIL, demo?.password);
    const [pipeline] = (await t.http.get('/api/pipelines').set(bearer(admin))).body.items as Array<{ id: string }>;
    const board = await t.http.get('/api/deals/board').query({ pipelineId: pipeline?.id }).set(bearer(admin));
    expect(board.status, JSON.stringify(board.body)).toBe(200);
    const stages = board.body.stages as Array<{ name: string; dealCount: number; deals: Array<{ rotting: boolean }> }>;
    expect(stages.map((stage) => stage.name)).toEqual(['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Won', 'Lost']);
    for (const stage of stages) expect(stage.dealCount, stage.name).toBeGreaterThan(0);
    expect(stages.flatMap((stage) => stage.deals).some((deal) => deal.rotting)).toBe(true);
    const [stored] = await t.db.query(
      `SELECT count(*)::int AS deals, count(DISTINCT d.currency)::int AS currencies,
              count(*) FILTER (WHERE d.status = 'LOST' AND d.lost_reason IS NOT NULL)::int AS lost_with_reason
         FROM deal d JOIN tenant t ON t.id = d.tenant_id WHERE t.name = 'Demo Ltd'`,
    );
    expect(stored.deals).toBe(stages.reduce((sum, stage) => sum + stage.dealCount, 0));
    expect(stored.currencies).toBe(2);
    expect(stored.lost_with_reason).toBe(stages.find((stage) => stage.name === 'Lost')?.dealCount);
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

  it('seeds tickets in every status, linked to active demo contacts, which the API reads', async () => {
    const admin = await login(t.http, DEMO_ADMIN_EMAIL, demo?.password);
    const response = await t.http.get('/api/tickets').query({ limit: 100 }).set(bearer(admin));
    expect(response.status).toBe(200);
    const tickets = response.body.items as Array<{ status: string; contacts: Array<{ email: string | null }> }>;
    expect(new Set(tickets.map((ticket) => ticket.status))).toEqual(new Set(['OPEN', 'PENDING', 'RESOLVED', 'CLOSED']));
    expect(tickets.every((ticket) => ticket.contacts.length > 0)).toBe(true);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM ticket_contact l JOIN contact c ON c.id = l.contact_id WHERE NOT c.is_active`,
    );
    expect(n).toBe(0);
  });

  it('seeds assets of every kind for demo customers and a project with demo contacts, which the API reads', async () => {
    const admin = await login(t.http, DEMO_ADMIN_EMAIL, demo?.password);
    const assets = await t.http.get('/api/assets').query({ limit: 100 }).set(bearer(admin));
    expect(assets.status).toBe(200);
    const items = assets.body.items as Array<{ kind: string; contact: { id: string } | null }>;
    expect(new Set(items.map((asset) => asset.kind))).toEqual(new Set(['WORKSTATION', 'SERVER', 'NETWORK', 'LICENCE']));
    expect(items.some((asset) => asset.contact !== null)).toBe(true);
    const projects = await t.http.get('/api/projects').set(bearer(admin));
    expect(projects.status).toBe(200);
    expect(projects.body.items).toEqual([
      expect.objectContaining({ name: 'Office network refresh', status: 'ACTIVE', contacts: expect.any(Array) }),
    ]);
    expect((projects.body.items as Array<{ contacts: unknown[] }>)[0]?.contacts).toHaveLength(2);
  });

  it('seeds a default SLA policy and contracts, one near expiry, which the customer list shows', async () => {
    const admin = await login(t.http, DEMO_ADMIN_EMAIL, demo?.password);
    const contracts = await t.http.get('/api/contracts').query({ status: 'EXPIRING' }).set(bearer(admin));
    expect(contracts.status).toBe(200);
    expect(contracts.body.total).toBe(1);
    const customers = await t.http.get('/api/crm/customers').query({ limit: 100 }).set(bearer(admin));
    const statuses = new Set(
      (customers.body.items as Array<{ contractStatus: string }>).map((row) => row.contractStatus),
    );
    expect(statuses).toEqual(new Set(['ACTIVE', 'EXPIRING', 'EXPIRED', 'NONE']));
    const policy = await t.http.get('/api/sla-policy').set(bearer(admin));
    expect(policy.body.policy).toMatchObject({ clock: 'CALENDAR_HOURS' });
  });

  it('seeds once: a second run leaves the tenant as it is', async () => {
    expect(await seedDemoTenant(t.app)).toBeNull();
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM contact`);
    expect(n).toBe(60);
  });

  it('gives the demo users a new password on npm run demo:login; the old one stops working', async () => {
    const before = demo?.password ?? '';
    await login(t.http, 'viewer@demo.clientele.dev', before);
    const reset = await resetDemoPassword(t.app);
    expect(reset?.email).toBe(DEMO_ADMIN_EMAIL);
    expect(reset?.password).not.toBe(before);
    for (const role of ['admin', 'manager', 'agent', 'viewer', 'guest']) {
      await login(t.http, `${role}@demo.clientele.dev`, reset?.password);
    }
    const stale = await t.http.post('/api/auth/login').send({ email: DEMO_ADMIN_EMAIL, password: before });
    expect(stale.status).toBe(401);
    demo = reset;
  });
});
