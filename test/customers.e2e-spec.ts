import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createCrmWorld,
  createTestApp,
  type CrmRecords,
  crmRecords,
  type CustomerRecord,
  expectProblem,
  memberWithRole,
  outboxEventTypes,
  type Session,
  type TenantFixture,
  type TestApp,
  unique,
} from '@clientele/testing';

describe('customers', () => {
  let t: TestApp;
  let crm: CrmRecords;
  let acme: TenantFixture;
  let globex: TenantFixture;
  let viewer: Session;
  let agent: Session;
  let manager: Session;
  /** An organization of acme's tenant where only acme's ADMIN is a member. */
  let branchId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const world = await createCrmWorld(t.http);
    ({ acme, globex, viewer, agent, manager, branchId } = world);
    crm = crmRecords(t.http, world);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /api/crm/customers', () => {
    it('creates a customer with tags, stores it and records customer.created', async () => {
      const { id: tagId } = await crm.createTag(manager);
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
      expect(await outboxEventTypes(t.db, response.body.id)).toEqual(['customer.created']);
    });

    it('accepts tagIds instead of tags, but not both', async () => {
      const { id: tagId } = await crm.createTag(manager);
      const customer = await crm.createCustomer(manager, { tagIds: [tagId] });
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

    it('refuses a tag of another organization and an owner who is not a member with 404 naming the field', async () => {
      const { id: foreignTag } = await crm.createTag(acme.admin, { name: `T ${unique()}` }, branchId);
      expectProblem(
        await t.http
          .post('/api/crm/customers')
          .set(bearer(manager))
          .send({ name: `X ${unique()}`, tags: [{ id: foreignTag }] }),
        404,
        'TAG_NOT_FOUND',
        ['tags'],
      );
      expectProblem(
        await t.http
          .post('/api/crm/customers')
          .set(bearer(manager))
          .send({ name: `X ${unique()}`, ownerId: globex.admin.userId }),
        404,
        'USER_NOT_FOUND',
        ['ownerId'],
      );
    });

    it('answers a name taken in the organization (any case) with 409 CUSTOMER_NAME_TAKEN naming it', async () => {
      const existing = await crm.createCustomer(manager);
      const response = await t.http
        .post('/api/crm/customers')
        .set(bearer(manager))
        .send({ name: existing.name.toUpperCase() });
      expectProblem(response, 409, 'CUSTOMER_NAME_TAKEN');
      expect(response.body.existingId).toBe(existing.id);
      await crm.createCustomer(globex.admin, { name: existing.name });
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
      const { id: tagId } = await crm.createTag(manager, { name: tagName });
      const alpha = await crm.createCustomer(manager, {
        name: `Alpha ${marker}`,
        kind: 'VENDOR',
        tags: [{ id: tagId }],
      });
      const beta = await crm.createCustomer(manager, {
        name: `Beta ${marker}`,
        primaryDomain: `${marker}.example.org`,
      });
      await crm.createContact(manager, { customerId: alpha.id });
      await crm.createContact(manager, { customerId: alpha.id });
      await crm.createContact(manager, { customerId: beta.id });

      const byName = await t.http.get(`/api/crm/customers?q=${marker}`).set(bearer(viewer));
      expect(byName.status).toBe(200);
      expect(byName.body.total).toBe(2);
      expect(byName.body.items.map((row: CustomerRecord) => [row.name, row.contactCount])).toEqual([
        [`Alpha ${marker}`, 2],
        [`Beta ${marker}`, 1],
      ]);
      expect(byName.body.items[0]).toMatchObject({ openTicketCount: 0, contractStatus: 'NONE', billingSummary: null });

      const byDomain = await t.http.get(`/api/crm/customers?q=${marker}.EXAMPLE.org`).set(bearer(viewer));
      // q forgives a typo, so Alpha (sharing the marker) may follow: the domain's owner comes first.
      expect(byDomain.body.items[0]?.id).toBe(beta.id);
      const byKind = await t.http.get(`/api/crm/customers?q=${marker}&kind=VENDOR`).set(bearer(viewer));
      expect(byKind.body.items.map((row: CustomerRecord) => row.id)).toEqual([alpha.id]);
      const byTagId = await t.http.get(`/api/crm/customers?tag=${tagId}`).set(bearer(viewer));
      expect(byTagId.body.items.map((row: CustomerRecord) => row.id)).toEqual([alpha.id]);
      const byTagName = await t.http
        .get(`/api/crm/customers?tag=${encodeURIComponent(tagName.toLowerCase())}`)
        .set(bearer(viewer));
      expect(byTagName.body.items.map((row: CustomerRecord) => row.id)).toEqual([alpha.id]);
      const newest = await t.http.get(`/api/crm/customers?q=${marker}&sort=-createdAt&limit=1`).set(bearer(viewer));
      expect(newest.body.items.map((row: CustomerRecord) => row.id)).toEqual([beta.id]);
      expect(newest.body.nextCursor).toEqual(expect.any(String));
    });

    it('never shows another tenant or a non-member organization', async () => {
      const marker = unique('iso');
      await crm.createCustomer(globex.admin, { name: `Foreign ${marker}` });
      await crm.createCustomer(acme.admin, { name: `Branch ${marker}` }, branchId);
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
      const evil = await crm.createCustomer(manager, { name: `=HYPERLINK("http://evil") ${marker}` });
      await crm.createContact(manager, { customerId: evil.id });
      const { id: vip } = await crm.createTag(manager, { name: `VIP ${marker}` });
      const { id: partner } = await crm.createTag(manager, { name: `Partner ${marker}` });
      await crm.createCustomer(manager, {
        name: `Plain, Ltd ${marker}`,
        kind: 'VENDOR',
        tags: [{ id: vip }, { id: partner }],
      });
      await crm.createCustomer(globex.admin, { name: `Foreign ${marker}` });

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
      const customer = await crm.createCustomer(manager);
      await crm.createContact(manager, { customerId: customer.id });
      const response = await t.http.get(`/api/crm/customers/${customer.id}`).set(bearer(viewer));
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: customer.id, contactCount: 1, contractStatus: 'NONE' });
      expect(response.headers.etag).toBe('"1"');
    });

    it('answers 404 for another tenant or a non-member organization, 400 for a bad id', async () => {
      const foreign = await crm.createCustomer(globex.admin);
      expectProblem(
        await t.http.get(`/api/crm/customers/${foreign.id}`).set(bearer(manager)),
        404,
        'CUSTOMER_NOT_FOUND',
      );
      const branchCustomer = await crm.createCustomer(acme.admin, {}, branchId);
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
      const [{ id: oldTag }, { id: newTag }] = [await crm.createTag(manager), await crm.createTag(manager)];
      const customer = await crm.createCustomer(manager, { tags: [{ id: oldTag }], notes: 'keep' });
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
      const owned = await crm.createCustomer(manager, { ownerId: agent.userId });
      const notOwned = await crm.createCustomer(manager);
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
      const customer = await crm.createCustomer(manager);
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
      const other = await crm.createCustomer(manager);
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
      const customer = await crm.createCustomer(manager);
      const { id: contactId } = await crm.createContact(manager, { customerId: customer.id });
      await t.http.delete(`/api/crm/customers/${customer.id}`).set(bearer(manager)).expect(204);
      const [row] = await t.db.query(`SELECT deleted_at FROM customer WHERE id = $1`, [customer.id]);
      expect(row.deleted_at).not.toBeNull();
      const [contact] = await t.db.query(`SELECT customer_id, deleted_at FROM contact WHERE id = $1`, [contactId]);
      expect(contact).toEqual({ customer_id: null, deleted_at: null });
      expect(await outboxEventTypes(t.db, customer.id)).toEqual(['customer.created', 'customer.deleted']);
      expect(await outboxEventTypes(t.db, contactId)).toEqual(['contact.created', 'contact.updated']);
      expectProblem(
        await t.http.get(`/api/crm/customers/${customer.id}`).set(bearer(manager)),
        404,
        'CUSTOMER_NOT_FOUND',
      );
      // The name is free again.
      await crm.createCustomer(manager, { name: customer.name });
    });

    it('is refused to an AGENT, even an owner (403), and answers 404 for another tenant', async () => {
      const customer = await crm.createCustomer(manager, { ownerId: agent.userId });
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
      const customer = await crm.createCustomer(manager);
      const { id: first } = await crm.createContact(manager, { customerId: customer.id });
      const { id: second } = await crm.createContact(manager, { customerId: customer.id, kind: 'VENDOR' });
      await crm.createContact(manager);
      const response = await t.http.get(`/api/crm/customers/${customer.id}/contacts`).set(bearer(viewer));
      expect(response.status).toBe(200);
      expect(response.body.total).toBe(2);
      expect(response.body.items.map((row: { id: string }) => row.id).sort()).toEqual([first, second].sort());
      expect(response.body.items[0].customer).toMatchObject({ id: customer.id, name: customer.name });
      const vendors = await t.http.get(`/api/crm/customers/${customer.id}/contacts?kind=VENDOR`).set(bearer(viewer));
      expect(vendors.body.items.map((row: { id: string }) => row.id)).toEqual([second]);
    });

    it('answers 404 for another tenant customer and 403 for a GUEST', async () => {
      const foreign = await crm.createCustomer(globex.admin);
      expectProblem(
        await t.http.get(`/api/crm/customers/${foreign.id}/contacts`).set(bearer(manager)),
        404,
        'CUSTOMER_NOT_FOUND',
      );
      const guest = await memberWithRole(t.http, acme, 'GUEST');
      const customer = await crm.createCustomer(manager);
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
      const customer = await crm.createCustomer(acme.admin, {}, offId);
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
