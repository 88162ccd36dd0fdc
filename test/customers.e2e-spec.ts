import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCrmWorld,
  bearer,
  createTestApp,
  expectProblem,
  memberWithRole,
  type Session,
  type TenantFixture,
  type TestApp,
  unique,
} from '@clientele/testing';

interface CustomerBody {
  id: string;
  name: string;
  contactCount: number;
  tags: Array<{ id: string; name: string }>;
}

describe('customers', () => {
  let t: TestApp;
  let acme: TenantFixture;
  let globex: TenantFixture;
  let viewer: Session;
  let agent: Session;
  let manager: Session;
  /** An organization of acme's tenant where only acme's ADMIN is a member. */
  let branchId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ acme, globex, viewer, agent, manager, branchId } = await createCrmWorld(t.http));
  });
  afterAll(async () => {
    await t.close();
  });

  function orgOf(session: Session): string {
    return session === globex.admin ? globex.organizationId : acme.organizationId;
  }

  async function createCustomer(
    session: Session,
    body: Record<string, unknown>,
    organizationId = orgOf(session),
  ): Promise<CustomerBody> {
    const response = await t.http
      .post('/api/crm/customers')
      .set(bearer(session))
      .set('X-Organization-Id', organizationId)
      .send({ name: `Customer ${unique()}`, ...body });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as CustomerBody;
  }

  async function createTag(
    session: Session,
    name = `Tag ${unique()}`,
    organizationId = orgOf(session),
  ): Promise<string> {
    const response = await t.http
      .post('/api/tags')
      .set(bearer(session))
      .set('X-Organization-Id', organizationId)
      .send({ name })
      .expect(201);
    return response.body.id as string;
  }

  async function createContact(session: Session, body: Record<string, unknown>): Promise<string> {
    const response = await t.http
      .post('/api/crm/contacts')
      .set(bearer(session))
      .set('X-Organization-Id', orgOf(session))
      .send({ firstName: 'Pat', lastName: `Contact${unique()}`, ...body });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.id as string;
  }

  async function events(entityId: string): Promise<string[]> {
    const rows: Array<{ type: string }> = await t.db.query(
      `SELECT type FROM outbox_event WHERE entity_id = $1 ORDER BY position`,
      [entityId],
    );
    return rows.map((row) => row.type);
  }

  describe('POST /api/crm/customers', () => {
    it('creates a customer with tags, stores it and records customer.created', async () => {
      const tagId = await createTag(manager);
      const name = `Acme Corp ${unique()}`;
      const response = await t.http
        .post('/api/crm/customers')
        .set(bearer(manager))
        .send({
          name,
          kind: 'PARTNER',
          primaryDomain: 'ACME.example.com',
          logoUrl: 'https://acme.example.com/logo.png',
          notes: 'Premium support',
          tags: [{ id: tagId }],
        });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        organizationId: acme.organizationId,
        name,
        kind: 'PARTNER',
        primaryDomain: 'acme.example.com',
        logoUrl: 'https://acme.example.com/logo.png',
        ownerId: manager.userId,
        contactCount: 0,
        openTicketCount: 0,
        contractStatus: 'NONE',
        billingSummary: null,
        tags: [{ id: tagId, name: expect.any(String), color: '#6B7280' }],
        version: 1,
      });
      const [row] = await t.db.query(
        `SELECT tenant_id, organization_id, name, kind, primary_domain, owner_id FROM customer WHERE id = $1`,
        [response.body.id],
      );
      expect(row).toEqual({
        tenant_id: acme.tenantId,
        organization_id: acme.organizationId,
        name,
        kind: 'PARTNER',
        primary_domain: 'acme.example.com',
        owner_id: manager.userId,
      });
      const links = await t.db.query(`SELECT tag_id FROM customer_tag WHERE customer_id = $1`, [response.body.id]);
      expect(links).toEqual([{ tag_id: tagId }]);
      const [audit] = await t.db.query(`SELECT action, after FROM audit_entry WHERE entity_id = $1`, [
        response.body.id,
      ]);
      expect(audit).toMatchObject({ action: 'customer.created', after: { name, tagIds: [tagId] } });
      expect(await events(response.body.id)).toEqual(['customer.created']);
    });

    it('accepts tagIds instead of tags, but not both', async () => {
      const tagId = await createTag(manager);
      const customer = await createCustomer(manager, { tagIds: [tagId] });
      expect(customer.tags.map((tag) => tag.id)).toEqual([tagId]);
      expectProblem(
        await t.http
          .post('/api/crm/customers')
          .set(bearer(manager))
          .send({ name: `X ${unique()}`, tags: [{ id: tagId }], tagIds: [tagId] }),
        400,
        'VALIDATION_FAILED',
        ['tagIds'],
      );
    });

    it('answers bad input with 400 naming the fields (and the allowed kinds)', async () => {
      const response = await t.http.post('/api/crm/customers').set(bearer(manager)).send({
        name: '',
        kind: 'FRIEND',
        primaryDomain: 'not a domain',
        logoUrl: 'javascript:alert(1)',
        tenantId: globex.tenantId,
      });
      expectProblem(response, 400, 'VALIDATION_FAILED', ['name', 'kind', 'primaryDomain', 'logoUrl', 'tenantId']);
      const kindError = (response.body.errors as Array<{ field: string; message: string }>).find(
        (error) => error.field === 'kind',
      );
      expect(kindError?.message).toContain('CUSTOMER, CLIENT, LEAD, VENDOR, PARTNER, CONTRACTOR, OTHER');
    });

    it('refuses a tag of another organization and an owner who is not a member with 400', async () => {
      const foreignTag = await createTag(acme.admin, `T ${unique()}`, branchId);
      expectProblem(
        await t.http
          .post('/api/crm/customers')
          .set(bearer(manager))
          .send({ name: `X ${unique()}`, tags: [{ id: foreignTag }] }),
        400,
        'VALIDATION_FAILED',
        ['tags'],
      );
      expectProblem(
        await t.http
          .post('/api/crm/customers')
          .set(bearer(manager))
          .send({ name: `X ${unique()}`, ownerId: globex.admin.userId }),
        400,
        'VALIDATION_FAILED',
        ['ownerId'],
      );
    });

    it('answers a name taken in the organization (any case) with 409 CUSTOMER_NAME_TAKEN naming it', async () => {
      const existing = await createCustomer(manager, {});
      const response = await t.http
        .post('/api/crm/customers')
        .set(bearer(manager))
        .send({ name: existing.name.toUpperCase() });
      expectProblem(response, 409, 'CUSTOMER_NAME_TAKEN');
      expect(response.body.existingId).toBe(existing.id);
      await createCustomer(globex.admin, { name: existing.name });
    });

    it('is refused to a VIEWER and an AGENT (403)', async () => {
      expectProblem(await t.http.post('/api/crm/customers').set(bearer(viewer)).send({ name: 'x' }), 403, 'FORBIDDEN');
      expectProblem(await t.http.post('/api/crm/customers').set(bearer(agent)).send({ name: 'x' }), 403, 'FORBIDDEN');
    });
  });

  describe('GET /api/crm/customers', () => {
    it('lists rows with contact counts, filtered by q (name or domain), kind and tag', async () => {
      const marker = unique('m');
      const tagName = `Gold ${marker}`;
      const tagId = await createTag(manager, tagName);
      const alpha = await createCustomer(manager, { name: `Alpha ${marker}`, kind: 'VENDOR', tags: [{ id: tagId }] });
      const beta = await createCustomer(manager, { name: `Beta ${marker}`, primaryDomain: `${marker}.example.org` });
      await createContact(manager, { customerId: alpha.id });
      await createContact(manager, { customerId: alpha.id });
      await createContact(manager, { customerId: beta.id });

      const byName = await t.http.get(`/api/crm/customers?q=${marker}`).set(bearer(viewer));
      expect(byName.status).toBe(200);
      expect(byName.body.total).toBe(2);
      expect(byName.body.items.map((row: CustomerBody) => [row.name, row.contactCount])).toEqual([
        [`Alpha ${marker}`, 2],
        [`Beta ${marker}`, 1],
      ]);
      expect(byName.body.items[0]).toMatchObject({ openTicketCount: 0, contractStatus: 'NONE', billingSummary: null });

      const byDomain = await t.http.get(`/api/crm/customers?q=${marker}.EXAMPLE.org`).set(bearer(viewer));
      expect(byDomain.body.items.map((row: CustomerBody) => row.id)).toEqual([beta.id]);
      const byKind = await t.http.get(`/api/crm/customers?q=${marker}&kind=VENDOR`).set(bearer(viewer));
      expect(byKind.body.items.map((row: CustomerBody) => row.id)).toEqual([alpha.id]);
      const byTagId = await t.http.get(`/api/crm/customers?tag=${tagId}`).set(bearer(viewer));
      expect(byTagId.body.items.map((row: CustomerBody) => row.id)).toEqual([alpha.id]);
      const byTagName = await t.http
        .get(`/api/crm/customers?tag=${encodeURIComponent(tagName.toLowerCase())}`)
        .set(bearer(viewer));
      expect(byTagName.body.items.map((row: CustomerBody) => row.id)).toEqual([alpha.id]);
      const newest = await t.http.get(`/api/crm/customers?q=${marker}&sort=-createdAt&limit=1`).set(bearer(viewer));
      expect(newest.body.items.map((row: CustomerBody) => row.id)).toEqual([beta.id]);
      expect(newest.body.nextCursor).toEqual(expect.any(String));
    });

    it('never shows another tenant or a non-member organization', async () => {
      const marker = unique('iso');
      await createCustomer(globex.admin, { name: `Foreign ${marker}` });
      await createCustomer(acme.admin, { name: `Branch ${marker}` }, branchId);
      const response = await t.http.get(`/api/crm/customers?q=${marker}`).set(bearer(manager));
      expect(response.body).toMatchObject({ items: [], total: 0 });
    });

    it('rejects bad filters with 400', async () => {
      expectProblem(await t.http.get('/api/crm/customers?kind=FRIEND').set(bearer(viewer)), 400, 'VALIDATION_FAILED', [
        'kind',
      ]);
      expectProblem(await t.http.get('/api/crm/customers?format=xml').set(bearer(viewer)), 400, 'VALIDATION_FAILED', [
        'format',
      ]);
      expectProblem(await t.http.get('/api/crm/customers?foo=1').set(bearer(viewer)), 400, 'VALIDATION_FAILED', [
        'foo',
      ]);
    });

    it('exports CSV with the same filters, streamed, formula cells neutralised', async () => {
      const marker = unique('csv');
      const evil = await createCustomer(manager, { name: `=HYPERLINK("http://evil") ${marker}` });
      await createContact(manager, { customerId: evil.id });
      const vip = await createTag(manager, `VIP ${marker}`);
      const partner = await createTag(manager, `Partner ${marker}`);
      await createCustomer(manager, {
        name: `Plain, Ltd ${marker}`,
        kind: 'VENDOR',
        tags: [{ id: vip }, { id: partner }],
      });
      await createCustomer(globex.admin, { name: `Foreign ${marker}` });

      const response = await t.http.get(`/api/crm/customers?format=csv&q=${marker}&sort=name`).set(bearer(viewer));
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      const today = new Date().toISOString().slice(0, 10);
      expect(response.headers['content-disposition']).toBe(`attachment; filename="customers-${today}.csv"`);
      const lines = response.text.split('\r\n');
      expect(lines[0]).toBe(
        'id,organizationId,name,kind,primaryDomain,logoUrl,ownerId,contactCount,openTicketCount,contractStatus,billingSummary,tags,createdAt,updatedAt',
      );
      expect(lines).toHaveLength(4);
      expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"") ${marker}",CUSTOMER,`);
      expect(lines[1]).toContain(',1,0,NONE,,');
      expect(lines[2]).toContain(`"Plain, Ltd ${marker}",VENDOR,`);
      // Tag names, sorted and `; `-separated, from the link table.
      expect(lines[2]).toContain(`,Partner ${marker}; VIP ${marker},`);
      expect(lines[3]).toBe('');

      const vendors = await t.http.get(`/api/crm/customers?format=ndjson&q=${marker}&kind=VENDOR`).set(bearer(viewer));
      expect(vendors.headers['content-type']).toBe('application/x-ndjson');
      const records = vendors.text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(records).toEqual([
        expect.objectContaining({
          name: `Plain, Ltd ${marker}`,
          kind: 'VENDOR',
          contactCount: 0,
          tags: `Partner ${marker}; VIP ${marker}`,
        }),
      ]);
    });
  });

  describe('GET /api/crm/customers/:id', () => {
    it('returns the customer with its figures', async () => {
      const customer = await createCustomer(manager, {});
      await createContact(manager, { customerId: customer.id });
      const response = await t.http.get(`/api/crm/customers/${customer.id}`).set(bearer(viewer));
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: customer.id, contactCount: 1, contractStatus: 'NONE' });
      expect(response.headers.etag).toBe('"1"');
    });

    it('answers 404 for another tenant or a non-member organization, 400 for a bad id', async () => {
      const foreign = await createCustomer(globex.admin, {});
      expectProblem(
        await t.http.get(`/api/crm/customers/${foreign.id}`).set(bearer(manager)),
        404,
        'CUSTOMER_NOT_FOUND',
      );
      const branchCustomer = await createCustomer(acme.admin, {}, branchId);
      expectProblem(
        await t.http.get(`/api/crm/customers/${branchCustomer.id}`).set(bearer(manager)),
        404,
        'CUSTOMER_NOT_FOUND',
      );
      expectProblem(await t.http.get('/api/crm/customers/123').set(bearer(manager)), 400, 'VALIDATION_FAILED', ['id']);
    });
  });

  describe('PATCH /api/crm/customers/:id', () => {
    it('changes the fields sent, replaces tags and records before/after', async () => {
      const [oldTag, newTag] = [await createTag(manager), await createTag(manager)];
      const customer = await createCustomer(manager, { tags: [{ id: oldTag }], notes: 'keep' });
      const name = `Renamed ${unique()}`;
      const response = await t.http
        .patch(`/api/crm/customers/${customer.id}`)
        .set(bearer(manager))
        .send({ name, primaryDomain: null, tagIds: [newTag] });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ name, primaryDomain: null, notes: 'keep', version: 2 });
      expect(response.body.tags.map((tag: { id: string }) => tag.id)).toEqual([newTag]);
      const [audit] = await t.db.query(
        `SELECT before, after FROM audit_entry WHERE entity_id = $1 AND action = 'customer.updated'`,
        [customer.id],
      );
      expect(audit.before).toMatchObject({ name: customer.name, tagIds: [oldTag] });
      expect(audit.after).toMatchObject({ name, tagIds: [newTag] });
    });

    it('lets an AGENT update customers it owns, and only those, without giving them away', async () => {
      const owned = await createCustomer(manager, { ownerId: agent.userId });
      const notOwned = await createCustomer(manager, {});
      const ok = await t.http.patch(`/api/crm/customers/${owned.id}`).set(bearer(agent)).send({ notes: 'called' });
      expect(ok.status).toBe(200);
      expect(ok.body.notes).toBe('called');
      expectProblem(
        await t.http.patch(`/api/crm/customers/${notOwned.id}`).set(bearer(agent)).send({ notes: 'x' }),
        403,
        'FORBIDDEN',
      );
      expectProblem(
        await t.http.patch(`/api/crm/customers/${owned.id}`).set(bearer(agent)).send({ ownerId: manager.userId }),
        403,
        'FORBIDDEN',
      );
      expectProblem(
        await t.http.patch(`/api/crm/customers/${owned.id}`).set(bearer(viewer)).send({ notes: 'x' }),
        403,
        'FORBIDDEN',
      );
    });

    it('answers 400 for bad input, 404 for another tenant, 409 for a taken name', async () => {
      const customer = await createCustomer(manager, {});
      expectProblem(
        await t.http.patch(`/api/crm/customers/${customer.id}`).set(bearer(manager)).send({ name: null, kind: 'X' }),
        400,
        'VALIDATION_FAILED',
        ['name', 'kind'],
      );
      expectProblem(
        await t.http.patch(`/api/crm/customers/${customer.id}`).set(bearer(globex.admin)).send({ notes: 'x' }),
        404,
        'CUSTOMER_NOT_FOUND',
      );
      const other = await createCustomer(manager, {});
      const conflict = await t.http
        .patch(`/api/crm/customers/${customer.id}`)
        .set(bearer(manager))
        .send({ name: other.name.toLowerCase() });
      expectProblem(conflict, 409, 'CUSTOMER_NAME_TAKEN');
      expect(conflict.body.existingId).toBe(other.id);
    });
  });

  describe('DELETE /api/crm/customers/:id', () => {
    it('soft-deletes the customer and unlinks its contacts in the same transaction', async () => {
      const customer = await createCustomer(manager, {});
      const contactId = await createContact(manager, { customerId: customer.id });
      await t.http.delete(`/api/crm/customers/${customer.id}`).set(bearer(manager)).expect(204);
      const [row] = await t.db.query(`SELECT deleted_at FROM customer WHERE id = $1`, [customer.id]);
      expect(row.deleted_at).not.toBeNull();
      const [contact] = await t.db.query(`SELECT customer_id, deleted_at FROM contact WHERE id = $1`, [contactId]);
      expect(contact).toEqual({ customer_id: null, deleted_at: null });
      expect(await events(customer.id)).toEqual(['customer.created', 'customer.deleted']);
      expect(await events(contactId)).toEqual(['contact.created', 'contact.updated']);
      expectProblem(
        await t.http.get(`/api/crm/customers/${customer.id}`).set(bearer(manager)),
        404,
        'CUSTOMER_NOT_FOUND',
      );
      // The name is free again.
      await createCustomer(manager, { name: customer.name });
    });

    it('is refused to an AGENT, even an owner (403), and answers 404 for another tenant', async () => {
      const customer = await createCustomer(manager, { ownerId: agent.userId });
      expectProblem(await t.http.delete(`/api/crm/customers/${customer.id}`).set(bearer(agent)), 403, 'FORBIDDEN');
      expectProblem(
        await t.http.delete(`/api/crm/customers/${customer.id}`).set(bearer(globex.admin)),
        404,
        'CUSTOMER_NOT_FOUND',
      );
      const [row] = await t.db.query(`SELECT deleted_at FROM customer WHERE id = $1`, [customer.id]);
      expect(row.deleted_at).toBeNull();
    });
  });

  describe('GET /api/crm/customers/:id/contacts', () => {
    it("lists the customer's contacts", async () => {
      const customer = await createCustomer(manager, {});
      const first = await createContact(manager, { customerId: customer.id });
      const second = await createContact(manager, { customerId: customer.id, kind: 'VENDOR' });
      await createContact(manager, {});
      const response = await t.http.get(`/api/crm/customers/${customer.id}/contacts`).set(bearer(viewer));
      expect(response.status).toBe(200);
      expect(response.body.total).toBe(2);
      expect(response.body.items.map((row: { id: string }) => row.id).sort()).toEqual([first, second].sort());
      expect(response.body.items[0].customer).toMatchObject({ id: customer.id, name: customer.name });
      const vendors = await t.http.get(`/api/crm/customers/${customer.id}/contacts?kind=VENDOR`).set(bearer(viewer));
      expect(vendors.body.items.map((row: { id: string }) => row.id)).toEqual([second]);
    });

    it('answers 404 for another tenant customer and 403 for a GUEST', async () => {
      const foreign = await createCustomer(globex.admin, {});
      expectProblem(
        await t.http.get(`/api/crm/customers/${foreign.id}/contacts`).set(bearer(manager)),
        404,
        'CUSTOMER_NOT_FOUND',
      );
      const guest = await memberWithRole(t.http, acme, 'GUEST');
      const customer = await createCustomer(manager, {});
      expectProblem(
        await t.http.get(`/api/crm/customers/${customer.id}/contacts`).set(bearer(guest)),
        403,
        'FORBIDDEN',
      );
    });
  });

  describe('organizations with CRM switched off', () => {
    it('answer 404 CRM_DISABLED when named', async () => {
      const created = await t.http
        .post('/api/organizations')
        .set(bearer(acme.admin))
        .send({ name: `Off ${unique()}` })
        .expect(201);
      const offId = created.body.id as string;
      const customer = await createCustomer(acme.admin, {}, offId);
      await t.http
        .patch(`/api/organizations/${offId}/settings`)
        .set(bearer(acme.admin))
        .send({ crmEnabled: false })
        .expect(200);
      expectProblem(
        await t.http.get(`/api/crm/customers?organizationId=${offId}`).set(bearer(acme.admin)),
        404,
        'CRM_DISABLED',
      );
      expectProblem(
        await t.http.get(`/api/crm/customers/${customer.id}`).set(bearer(acme.admin)),
        404,
        'CUSTOMER_NOT_FOUND',
      );
    });
  });
});
