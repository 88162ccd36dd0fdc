import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createTestApp,
  expectProblem,
  memberWithRole,
  type Session,
  signupTenant,
  type TenantFixture,
  type TestApp,
  unique,
} from '@clientele/testing';

interface Hit {
  id: string;
  type: string;
  organizationId: string;
  title: string;
  subtitle: string | null;
  score: number;
}

interface SearchBody {
  contacts: Hit[];
  customers: Hit[];
  deals: Hit[];
}

describe('GET /api/crm/search', () => {
  let t: TestApp;
  let acme: TenantFixture;
  let globex: TenantFixture;
  /** A second organization of acme's tenant; acme's admin is its ADMIN too. */
  let branchId: string;
  let viewer: Session;
  let guest: Session;
  let janeDoe: string;
  let acmeCorp: string;

  async function insertCustomer(
    tenant: TenantFixture,
    name: string,
    primaryDomain: string | null,
    organizationId = tenant.organizationId,
  ): Promise<string> {
    const [row] = await t.db.query(
      `INSERT INTO customer (tenant_id, organization_id, name, primary_domain) VALUES ($1, $2, $3, $4) RETURNING id`,
      [tenant.tenantId, organizationId, name, primaryDomain],
    );
    return row.id;
  }

  async function insertContact(
    tenant: TenantFixture,
    contact: { firstName: string; lastName: string; email?: string; phone?: string; customerId?: string },
    organizationId = tenant.organizationId,
  ): Promise<string> {
    const [row] = await t.db.query(
      `INSERT INTO contact (tenant_id, organization_id, name, first_name, last_name, primary_email, primary_phone, customer_id, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'Active') RETURNING id`,
      [
        tenant.tenantId,
        organizationId,
        `${contact.firstName} ${contact.lastName}`,
        contact.firstName,
        contact.lastName,
        contact.email ?? null,
        contact.phone ?? null,
        contact.customerId ?? null,
      ],
    );
    return row.id;
  }

  async function search(session: Session, query: Record<string, string | number>): Promise<SearchBody> {
    const response = await t.http.get('/api/crm/search').query(query).set(bearer(session));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as SearchBody;
  }

  beforeAll(async () => {
    t = await createTestApp();
    acme = await signupTenant(t.http);
    globex = await signupTenant(t.http);
    const branch = await t.http
      .post('/api/organizations')
      .set(bearer(acme.admin))
      .send({ name: `Branch ${unique()}` });
    expect(branch.status).toBe(201);
    branchId = branch.body.id;
    viewer = await memberWithRole(t.http, acme, 'VIEWER');
    guest = await memberWithRole(t.http, acme, 'GUEST');

    acmeCorp = await insertCustomer(acme, 'Acme Corp', 'acmecorp.com');
    const globexIndustries = await insertCustomer(acme, 'Globex Industries', 'globex.example');
    await insertCustomer(acme, 'Initech', 'initech-systems.io');
    janeDoe = await insertContact(acme, {
      firstName: 'Jane',
      lastName: 'Doe',
      email: 'jane.doe@acmecorp.com',
      phone: '+44 20 7946 0000',
      customerId: acmeCorp,
    });
    // Near misses: trigrams alone score "jnae doe" the same against all of these.
    await insertContact(acme, { firstName: 'John', lastName: 'Doe', email: 'john.doe@example.com' });
    await insertContact(acme, { firstName: 'Joan', lastName: 'Doe', email: 'joan@example.com' });
    await insertContact(acme, { firstName: 'Jon', lastName: 'Doe' });
    await insertContact(acme, { firstName: 'Janet', lastName: 'Davis', email: 'janet@example.com' });
    await insertContact(acme, { firstName: 'Jane', lastName: 'Smith', email: 'jane.smith@example.com' });
    await insertContact(acme, {
      firstName: 'Peter',
      lastName: 'Gibbons',
      email: 'peter@pg.example',
      customerId: globexIndustries,
    });
    for (let i = 0; i < 15; i += 1) {
      await insertContact(acme, { firstName: `Dana${String.fromCharCode(97 + i)}`, lastName: 'Doherty' });
    }
  });

  afterAll(async () => {
    await t.close();
  });

  it('is typo tolerant: "jnae doe" finds Jane Doe first, ranked and described', async () => {
    const body = await search(acme.admin, { q: 'jnae doe' });
    expect(body.contacts[0]).toEqual({
      id: janeDoe,
      type: 'contact',
      organizationId: acme.organizationId,
      title: 'Jane Doe',
      subtitle: 'jane.doe@acmecorp.com · Acme Corp',
      score: expect.any(Number),
    });
    const titles = body.contacts.map((hit) => hit.title);
    expect(titles).toEqual(expect.arrayContaining(['John Doe', 'Joan Doe']));
    const scores = body.contacts.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]).toBeGreaterThan(scores[1] ?? 0);
    expect(scores.every((score) => score > 0 && score <= 1)).toBe(true);
    expect(body.deals).toEqual([]);
  });

  it('ranks an exact e-mail match first, case-insensitively', async () => {
    // Its text holds every word of the e-mail too, and its name sorts first.
    const lookalike = await insertContact(acme, {
      firstName: 'Aaron',
      lastName: 'Doe',
      email: 'jane.doe@acmecorp.com.au',
    });
    const body = await search(acme.admin, { q: 'JANE.DOE@acmecorp.com' });
    expect(body.contacts[0]).toMatchObject({ id: janeDoe, score: 1 });
    expect(body.contacts.map((hit) => hit.id)).toContain(lookalike);
    await t.db.query(`UPDATE contact SET deleted_at = now() WHERE id = $1`, [lookalike]);
  });

  it("matches a contact's company name and finds the company itself", async () => {
    const body = await search(acme.admin, { q: 'globex' });
    expect(body.contacts.map((hit) => hit.title)).toEqual(['Peter Gibbons']);
    expect(body.contacts[0].subtitle).toBe('peter@pg.example · Globex Industries');
    expect(body.customers[0]).toMatchObject({
      type: 'customer',
      title: 'Globex Industries',
      subtitle: 'globex.example',
      organizationId: acme.organizationId,
    });
    const typo = await search(acme.admin, { q: 'glbex industries' });
    expect(typo.customers[0]?.title).toBe('Globex Industries');
  });

  it('finds customers by domain, an exact domain first', async () => {
    const body = await search(acme.admin, { q: 'initech-systems.io' });
    expect(body.customers[0]).toMatchObject({ title: 'Initech', subtitle: 'initech-systems.io', score: 1 });
    const words = await search(acme.admin, { q: 'acmecorp', types: 'customers' });
    expect(words.customers.map((hit) => hit.id)).toEqual([acmeCorp]);
    expect(words.contacts).toEqual([]);
  });

  it('honours limit per section and types', async () => {
    const body = await search(acme.admin, { q: 'doherty', limit: 3 });
    expect(body.contacts).toHaveLength(3);
    const all = await search(acme.admin, { q: 'doherty' });
    expect(all.contacts).toHaveLength(10);
    expect(all.contacts.map((hit) => hit.title)).toEqual([...all.contacts.map((hit) => hit.title)].sort());
    const onlyContacts = await search(acme.admin, { q: 'acme', types: 'contacts,deals' });
    expect(onlyContacts.customers).toEqual([]);
    expect(onlyContacts.contacts.map((hit) => hit.id)).toContain(janeDoe);
  });

  it('skips soft-deleted records and answers a term without letters or digits with nothing', async () => {
    const gone = await insertContact(acme, { firstName: 'Zebulon', lastName: 'Quartermain' });
    expect((await search(acme.admin, { q: 'zebulon' })).contacts.map((hit) => hit.id)).toEqual([gone]);
    await t.db.query(`UPDATE contact SET deleted_at = now() WHERE id = $1`, [gone]);
    expect((await search(acme.admin, { q: 'zebulon' })).contacts).toEqual([]);
    expect(await search(acme.admin, { q: '@@ --' })).toEqual({ contacts: [], customers: [], deals: [] });
  });

  it("never shows another tenant's rows", async () => {
    const theirJane = await insertContact(globex, {
      firstName: 'Jane',
      lastName: 'Doe',
      email: 'jane.doe@acmecorp.com',
    });
    const theirCustomer = await insertCustomer(globex, 'Acme Corp', 'acmecorp.com');
    const ours = await search(acme.admin, { q: 'jane.doe@acmecorp.com' });
    const oursAll = [...ours.contacts, ...ours.customers];
    expect(oursAll.map((hit) => hit.id)).not.toContain(theirJane);
    expect((await search(acme.admin, { q: 'acme corp' })).customers.map((hit) => hit.id)).toEqual([acmeCorp]);
    const theirs = await search(globex.admin, { q: 'jane doe' });
    expect(theirs.contacts.map((hit) => hit.id)).toEqual([theirJane]);
    expect((await search(globex.admin, { q: 'acme corp' })).customers.map((hit) => hit.id)).toEqual([theirCustomer]);
    // Naming the other tenant's organization is a 404, not a way in.
    const response = await t.http
      .get('/api/crm/search')
      .query({ q: 'jane', organizationId: globex.organizationId })
      .set(bearer(acme.admin));
    expectProblem(response, 404, 'ORGANIZATION_NOT_FOUND');
  });

  it('spans the organizations the actor may view; organizationId or X-Organization-Id narrows', async () => {
    const branchJane = await insertContact(
      acme,
      { firstName: 'Jane', lastName: 'Doe', email: 'jd@branch.example' },
      branchId,
    );
    const both = await search(acme.admin, { q: 'jane doe' });
    expect(both.contacts.map((hit) => hit.id)).toEqual(expect.arrayContaining([janeDoe, branchJane]));

    const viaHeader = await t.http
      .get('/api/crm/search')
      .query({ q: 'jane doe' })
      .set({ ...bearer(acme.admin), 'X-Organization-Id': acme.organizationId });
    expect(viaHeader.status).toBe(200);
    expect((viaHeader.body as SearchBody).contacts.every((hit) => hit.organizationId === acme.organizationId)).toBe(
      true,
    );
    const viaQuery = await search(acme.admin, { q: 'jane doe', organizationId: branchId });
    expect(viaQuery.contacts.map((hit) => hit.id)).toEqual([branchJane]);

    // VIEWER of the first organization only: reads it, never the branch.
    const viewed = await search(viewer, { q: 'jane doe' });
    expect(viewed.contacts.map((hit) => hit.id)).toContain(janeDoe);
    expect(viewed.contacts.map((hit) => hit.id)).not.toContain(branchJane);
    expect(viewed.contacts.every((hit) => hit.organizationId === acme.organizationId)).toBe(true);
    const named = await t.http
      .get('/api/crm/search')
      .query({ q: 'jane doe', organizationId: branchId })
      .set(bearer(viewer));
    expectProblem(named, 404, 'ORGANIZATION_NOT_FOUND');
  });

  it('leaves out organizations with CRM switched off, and naming one is 404 CRM_DISABLED', async () => {
    const created = await t.http
      .post('/api/organizations')
      .set(bearer(acme.admin))
      .send({ name: `Dormant ${unique()}` });
    expect(created.status).toBe(201);
    const dormantId: string = created.body.id;
    const dormantJane = await insertContact(acme, { firstName: 'Jane', lastName: 'Doe' }, dormantId);
    expect((await search(acme.admin, { q: 'jane doe' })).contacts.map((hit) => hit.id)).toContain(dormantJane);

    await t.http
      .patch(`/api/organizations/${dormantId}/settings`)
      .set(bearer(acme.admin))
      .send({ crmEnabled: false })
      .expect(200);
    const body = await search(acme.admin, { q: 'jane doe' });
    expect(body.contacts.map((hit) => hit.id)).not.toContain(dormantJane);
    expect(body.contacts.map((hit) => hit.id)).toContain(janeDoe);
    const named = await t.http
      .get('/api/crm/search')
      .query({ q: 'jane doe', organizationId: dormantId })
      .set(bearer(acme.admin));
    expectProblem(named, 404, 'CRM_DISABLED');
  });

  it('needs ORG_CONTACT_VIEW: VIEWER reads, GUEST is 403, no token is 401', async () => {
    expect((await search(viewer, { q: 'acme' })).customers.map((hit) => hit.id)).toContain(acmeCorp);
    expectProblem(await t.http.get('/api/crm/search').query({ q: 'acme' }).set(bearer(guest)), 403, 'FORBIDDEN');
    expectProblem(await t.http.get('/api/crm/search').query({ q: 'acme' }), 401, 'UNAUTHORIZED');
  });

  it('answers bad input with 400 and field errors', async () => {
    const get = (query: Record<string, string>) => t.http.get('/api/crm/search').query(query).set(bearer(acme.admin));
    expectProblem(await get({}), 400, 'VALIDATION_FAILED', ['q']);
    expectProblem(await get({ q: '   ' }), 400, 'VALIDATION_FAILED', ['q']);
    expectProblem(await get({ q: 'x'.repeat(201) }), 400, 'VALIDATION_FAILED', ['q']);
    expect((await get({ q: 'x'.repeat(200) })).status).toBe(200);
    expectProblem(await get({ q: 'jane', limit: '0' }), 400, 'VALIDATION_FAILED', ['limit']);
    expectProblem(await get({ q: 'jane', limit: '51' }), 400, 'VALIDATION_FAILED', ['limit']);
    expectProblem(await get({ q: 'jane', types: 'contacts,tickets' }), 400, 'VALIDATION_FAILED', ['types']);
    expectProblem(await get({ q: 'jane', tenantId: acme.tenantId }), 400, 'VALIDATION_FAILED', ['tenantId']);
    expectProblem(await get({ q: 'jane', organizationId: 'nope' }), 400, 'VALIDATION_FAILED', ['organizationId']);
  });

  it('writes nothing', async () => {
    const count = async (): Promise<number> =>
      (await t.db.query(`SELECT count(*)::int AS n FROM audit_entry WHERE tenant_id = $1`, [acme.tenantId]))[0].n;
    const before = await count();
    await search(acme.admin, { q: 'jane doe' });
    expect(await count()).toBe(before);
  });
});
