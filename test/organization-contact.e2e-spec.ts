import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createCrmWorld,
  createTestApp,
  type CrmRecords,
  crmRecords,
  expectProblem,
  memberWithRole,
  type Session,
  type TenantFixture,
  type TestApp,
  unique,
} from '@clientele/testing';

describe('Gauzy-compatible organization contacts (/api/organization-contact)', () => {
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

  function ids(body: { items: Array<{ id: string }> }): string[] {
    return body.items.map((item) => item.id);
  }

  describe('POST /api/organization-contact', () => {
    it('creates the contact of the Gauzy example with members, tags and a decimal budget', async () => {
      const { id: tagId } = await crm.createTag(manager);
      const email = `info-${unique()}@acme.com`;
      const response = await t.http
        .post('/api/organization-contact')
        .set(bearer(manager))
        .send({
          name: 'Acme Corporation',
          contactType: 'CUSTOMER',
          primaryEmail: email,
          primaryPhone: '+1-555-0123',
          organizationId: acme.organizationId,
          imageUrl: 'https://acme.example.com/logo.png',
          budget: 50000,
          budgetType: 'HOURS',
          members: [{ id: agent.userId }],
          tags: [{ id: tagId }],
        });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        tenantId: acme.tenantId,
        organizationId: acme.organizationId,
        name: 'Acme Corporation',
        contactType: 'CUSTOMER',
        primaryEmail: email,
        primaryPhone: '+1-555-0123',
        imageUrl: 'https://acme.example.com/logo.png',
        budget: '50000.00',
        budgetType: 'HOURS',
        notes: null,
        members: [{ id: agent.userId, email: agent.email }],
        tags: [{ id: tagId }],
        version: 1,
      });
      const [row] = await t.db.query(
        `SELECT tenant_id, name, first_name, budget, budget_type, owner_id FROM contact WHERE id = $1`,
        [response.body.id],
      );
      expect(row).toEqual({
        tenant_id: acme.tenantId,
        name: 'Acme Corporation',
        first_name: null,
        budget: '50000.0000',
        budget_type: 'HOURS',
        owner_id: manager.userId,
      });
      expect(await t.db.query(`SELECT user_id FROM contact_member WHERE contact_id = $1`, [response.body.id])).toEqual([
        { user_id: agent.userId },
      ]);
      expect(await t.db.query(`SELECT tag_id FROM contact_tag WHERE contact_id = $1`, [response.body.id])).toEqual([
        { tag_id: tagId },
      ]);
      const [audit] = await t.db.query(`SELECT action, after FROM audit_entry WHERE entity_id = $1`, [
        response.body.id,
      ]);
      expect(audit).toMatchObject({
        action: 'contact.created',
        after: { budget: '50000.0000', memberIds: [agent.userId], tagIds: [tagId] },
      });
      const events = await t.db.query(`SELECT type FROM outbox_event WHERE entity_id = $1`, [response.body.id]);
      expect(events).toEqual([{ type: 'contact.created' }]);
    });

    it('takes the budget as a numeric string too, and keeps its decimals', async () => {
      expect((await crm.createOrganizationContact(manager, { budget: '1234.5' })).budget).toBe('1234.50');
      expect((await crm.createOrganizationContact(manager, { budget: '0.125', budgetType: 'COST' })).budget).toBe(
        '0.125',
      );
      expect((await crm.createOrganizationContact(manager)).budget).toBeNull();
    });

    it('answers bad input with 400 naming the fields (and the allowed contact types)', async () => {
      const response = await t.http
        .post('/api/organization-contact')
        .set(bearer(manager))
        .send({
          name: '',
          contactType: 'FRIEND',
          primaryEmail: 'nope',
          budget: -5,
          budgetType: 'DAYS',
          imageUrl: 'ftp://x',
          tenantId: globex.tenantId,
          members: [{ id: 'not-a-uuid' }],
        });
      expectProblem(response, 400, 'VALIDATION_FAILED', [
        'name',
        'contactType',
        'primaryEmail',
        'budget',
        'budgetType',
        'imageUrl',
        'tenantId',
        'members.0.id',
      ]);
      const contactType = (response.body.errors as Array<{ field: string; message: string }>).find(
        (error) => error.field === 'contactType',
      );
      expect(contactType?.message).toContain('CUSTOMER, CLIENT, LEAD, VENDOR, PARTNER, CONTRACTOR, OTHER');
      expectProblem(
        await t.http.post('/api/organization-contact').set(bearer(manager)).send({ name: 'x', budget: '12.34567' }),
        400,
        'VALIDATION_FAILED',
        ['budget'],
      );
    });

    it('refuses members who are not members of the organization and tags of another organization (404 naming the field)', async () => {
      expectProblem(
        await t.http
          .post('/api/organization-contact')
          .set(bearer(manager))
          .send({ name: 'x', members: [{ id: globex.admin.userId }] }),
        404,
        'USER_NOT_FOUND',
        ['members'],
      );
      const { id: branchTag } = await crm.createTag(acme.admin, { name: `T ${unique()}` }, branchId);
      expectProblem(
        await t.http
          .post('/api/organization-contact')
          .set(bearer(manager))
          .send({ name: 'x', tags: [{ id: branchTag }] }),
        404,
        'TAG_NOT_FOUND',
        ['tags'],
      );
    });

    it('checks organizationId against membership: another tenant or a non-member organization is a 404', async () => {
      expectProblem(
        await t.http
          .post('/api/organization-contact')
          .set(bearer(manager))
          .send({ name: 'x', organizationId: globex.organizationId }),
        404,
        'ORGANIZATION_NOT_FOUND',
      );
      expectProblem(
        await t.http
          .post('/api/organization-contact')
          .set(bearer(manager))
          .send({ name: 'x', organizationId: branchId }),
        404,
        'ORGANIZATION_NOT_FOUND',
      );
    });

    it('answers a taken e-mail with 409 CONTACT_EMAIL_TAKEN naming the existing contact', async () => {
      const existing = await crm.createOrganizationContact(manager, { primaryEmail: `dup-${unique()}@acme.com` });
      const response = await t.http
        .post('/api/organization-contact')
        .set(bearer(manager))
        .send({ name: 'Dup', primaryEmail: existing.primaryEmail?.toUpperCase() });
      expectProblem(response, 409, 'CONTACT_EMAIL_TAKEN');
      expect(response.body.existingId).toBe(existing.id);
      expect(response.body.detail).toBe(
        `Contact ${existing.id} in this organization already has the e-mail ${existing.primaryEmail}.`,
      );
    });

    it('requires ALL_ORG_EDIT or ORG_CONTACT_EDIT: VIEWER and AGENT get 403', async () => {
      expectProblem(
        await t.http.post('/api/organization-contact').set(bearer(viewer)).send({ name: 'x' }),
        403,
        'FORBIDDEN',
      );
      expectProblem(
        await t.http.post('/api/organization-contact').set(bearer(agent)).send({ name: 'x' }),
        403,
        'FORBIDDEN',
      );
    });
  });

  describe('GET /api/organization-contact/pagination and GET /api/organization-contact', () => {
    it("understands Gauzy's take, skip, where[…], relations[] and order[…]", async () => {
      const marker = unique('g');
      const { id: tagId } = await crm.createTag(manager);
      const lead = await crm.createOrganizationContact(manager, {
        name: `Beta Lead ${marker}`,
        contactType: 'LEAD',
        tags: [{ id: tagId }],
        members: [{ id: agent.userId }],
      });
      const client = await crm.createOrganizationContact(manager, {
        name: `Alpha Client ${marker}`,
        contactType: 'CLIENT',
      });
      const other = await crm.createOrganizationContact(manager, { name: `Gamma Lead ${marker}`, contactType: 'LEAD' });

      const leads = await t.http
        .get(
          `/api/organization-contact/pagination?where[contactType]=LEAD&where[name]=${marker}&order[name]=ASC` +
            `&relations[]=tags&relations[]=members&take=1&skip=0`,
        )
        .set(bearer(viewer));
      expect(leads.status, JSON.stringify(leads.body)).toBe(200);
      expect(leads.body.total).toBe(2);
      expect(ids(leads.body)).toEqual([lead.id]);
      expect(leads.body.items[0]).toMatchObject({ tags: [{ id: tagId }], members: [{ id: agent.userId }] });
      const next = await t.http
        .get(
          `/api/organization-contact/pagination?where[contactType]=LEAD&where[name]=${marker}&order[name]=asc&take=1&skip=1`,
        )
        .set(bearer(viewer));
      expect(ids(next.body)).toEqual([other.id]);
      expect(next.body.items[0].tags).toBeUndefined();

      const findAll = await t.http
        .get(`/api/organization-contact?where[name]=${marker.toUpperCase()}&order[name]=DESC`)
        .set(bearer(viewer));
      expect(findAll.status).toBe(200);
      expect(ids(findAll.body)).toEqual([other.id, lead.id, client.id]);

      const byTag = await t.http.get(`/api/organization-contact?where[tags][]=${tagId}`).set(bearer(viewer));
      expect(byTag.status, JSON.stringify(byTag.body)).toBe(200);
      expect(ids(byTag.body)).toEqual([lead.id]);
      const byMember = await t.http
        .get(
          `/api/organization-contact?where[members]=${agent.userId}&where[organizationId]=${acme.organizationId}` +
            `&where[name]=${marker}`,
        )
        .set(bearer(viewer));
      expect(ids(byMember.body)).toEqual([lead.id]);
    });

    it('also takes our limit/offset/sort/q', async () => {
      const marker = unique('o');
      const first = await crm.createOrganizationContact(manager, { name: `A ${marker}` });
      await crm.createOrganizationContact(manager, { name: `B ${marker}` });
      const response = await t.http
        .get(`/api/organization-contact/pagination?q=${marker}&limit=1&offset=0&sort=name`)
        .set(bearer(viewer));
      expect(response.body.total).toBe(2);
      expect(ids(response.body)).toEqual([first.id]);
    });

    it('answers bad query input with 400', async () => {
      for (const [query, field] of [
        ['take=101', 'take'],
        ['where[contactType]=FRIEND', 'where.contactType'],
        ['relations[]=projects', 'relations'],
        ['order[email]=ASC', 'order.email'],
        ['take=1&limit=1', 'take'],
        ['order[name]=ASC&order[createdAt]=DESC', 'order'],
        ['where[organizationId]=nope', 'where.organizationId'],
        ['unknown=1', 'unknown'],
      ] as const) {
        expectProblem(
          await t.http.get(`/api/organization-contact/pagination?${query}`).set(bearer(viewer)),
          400,
          'VALIDATION_FAILED',
          [field],
        );
      }
    });

    it('lists only the tenant and organizations of the user; where[organizationId] of others is a 404', async () => {
      const marker = unique('iso');
      await crm.createOrganizationContact(globex.admin, { name: `Foreign ${marker}` });
      await crm.createOrganizationContact(acme.admin, { name: `Branch ${marker}` }, branchId);
      const response = await t.http.get(`/api/organization-contact?where[name]=${marker}`).set(bearer(manager));
      expect(response.body).toMatchObject({ items: [], total: 0 });
      expectProblem(
        await t.http.get(`/api/organization-contact?where[organizationId]=${branchId}`).set(bearer(manager)),
        404,
        'ORGANIZATION_NOT_FOUND',
      );
      expectProblem(
        await t.http
          .get(`/api/organization-contact/pagination?where[organizationId]=${globex.organizationId}`)
          .set(bearer(manager)),
        404,
        'ORGANIZATION_NOT_FOUND',
      );
      const foreignTenant = await t.http
        .get(`/api/organization-contact?where[tenantId]=${globex.tenantId}`)
        .set(bearer(manager));
      expect(foreignTenant.body.total).toBe(0);
    });

    it('requires ALL_ORG_VIEW or ORG_CONTACT_VIEW: a GUEST gets 403', async () => {
      const guest = await memberWithRole(t.http, acme, 'GUEST');
      expectProblem(await t.http.get('/api/organization-contact/pagination').set(bearer(guest)), 403, 'FORBIDDEN');
      expectProblem(await t.http.get('/api/organization-contact').set(bearer(guest)), 403, 'FORBIDDEN');
    });
  });

  describe('GET /api/organization-contact/:id', () => {
    it('returns the contact, with the relations asked for', async () => {
      const { id: tagId } = await crm.createTag(manager);
      const contact = await crm.createOrganizationContact(manager, { tags: [{ id: tagId }] });
      const plain = await t.http.get(`/api/organization-contact/${contact.id}`).set(bearer(viewer));
      expect(plain.status).toBe(200);
      expect(plain.body).toMatchObject({ id: contact.id, name: contact.name });
      expect(plain.body.tags).toBeUndefined();
      const withTags = await t.http
        .get(`/api/organization-contact/${contact.id}?relations[]=tags&relations[]=customer`)
        .set(bearer(viewer));
      expect(withTags.body).toMatchObject({ tags: [{ id: tagId }], customer: null });
    });

    it('answers 404 for another tenant and a non-member organization, 400 for a bad id', async () => {
      const foreign = await crm.createOrganizationContact(globex.admin);
      expectProblem(
        await t.http.get(`/api/organization-contact/${foreign.id}`).set(bearer(acme.admin)),
        404,
        'CONTACT_NOT_FOUND',
      );
      const branchContact = await crm.createOrganizationContact(acme.admin, {}, branchId);
      expectProblem(
        await t.http.get(`/api/organization-contact/${branchContact.id}`).set(bearer(manager)),
        404,
        'CONTACT_NOT_FOUND',
      );
      expectProblem(await t.http.get('/api/organization-contact/abc').set(bearer(manager)), 400, 'VALIDATION_FAILED', [
        'id',
      ]);
    });
  });

  describe('PUT /api/organization-contact/:id', () => {
    it('updates only the fields sent, like the Gauzy example, and records before/after', async () => {
      const contact = await crm.createOrganizationContact(manager, {
        primaryPhone: '+1-555-0100',
        budget: 10,
        members: [{ id: agent.userId }],
      });
      const email = `new-${unique()}@email.com`;
      const response = await t.http
        .put(`/api/organization-contact/${contact.id}`)
        .set(bearer(manager))
        .send({ name: 'Updated Contact Name', primaryEmail: email, organizationId: acme.organizationId });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        name: 'Updated Contact Name',
        primaryEmail: email,
        primaryPhone: '+1-555-0100',
        budget: '10.00',
        members: [{ id: agent.userId }],
        version: 2,
      });
      const [audit] = await t.db.query(
        `SELECT before, after FROM audit_entry WHERE entity_id = $1 AND action = 'contact.updated'`,
        [contact.id],
      );
      expect(audit.before).toMatchObject({ name: contact.name, primaryEmail: null, memberIds: [agent.userId] });
      expect(audit.after).toMatchObject({ name: 'Updated Contact Name', primaryEmail: email });
    });

    it('replaces members and tags when sent, clears optional fields with null', async () => {
      const { id: tagId } = await crm.createTag(manager);
      const contact = await crm.createOrganizationContact(manager, { members: [{ id: agent.userId }], notes: 'old' });
      const response = await t.http
        .put(`/api/organization-contact/${contact.id}`)
        .set(bearer(manager))
        .send({ members: [{ id: viewer.userId }], tags: [{ id: tagId }], notes: null });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ notes: null, members: [{ id: viewer.userId }], tags: [{ id: tagId }] });
      expect(await t.db.query(`SELECT user_id FROM contact_member WHERE contact_id = $1`, [contact.id])).toEqual([
        { user_id: viewer.userId },
      ]);
    });

    it('is refused to a VIEWER and an AGENT, even on a contact the AGENT owns (403)', async () => {
      const owned = await crm.createOrganizationContact(manager, { ownerId: agent.userId });
      expectProblem(
        await t.http.put(`/api/organization-contact/${owned.id}`).set(bearer(viewer)).send({ name: 'x' }),
        403,
        'FORBIDDEN',
      );
      expectProblem(
        await t.http.put(`/api/organization-contact/${owned.id}`).set(bearer(agent)).send({ name: 'x' }),
        403,
        'FORBIDDEN',
      );
    });

    it('never touches another tenant or another organization (404), and answers 400 and 409', async () => {
      const contact = await crm.createOrganizationContact(manager);
      expectProblem(
        await t.http.put(`/api/organization-contact/${contact.id}`).set(bearer(globex.admin)).send({ name: 'Hijack' }),
        404,
        'CONTACT_NOT_FOUND',
      );
      expectProblem(
        await t.http
          .put(`/api/organization-contact/${contact.id}`)
          .set(bearer(acme.admin))
          .send({ name: 'Moved', organizationId: branchId }),
        404,
        'CONTACT_NOT_FOUND',
      );
      const [row] = await t.db.query(`SELECT name, organization_id FROM contact WHERE id = $1`, [contact.id]);
      expect(row).toEqual({ name: contact.name, organization_id: acme.organizationId });
      expectProblem(
        await t.http
          .put(`/api/organization-contact/${contact.id}`)
          .set(bearer(manager))
          .send({ name: null, contactType: 'NOPE', budget: 'lots' }),
        400,
        'VALIDATION_FAILED',
        ['name', 'contactType', 'budget'],
      );
      const other = await crm.createOrganizationContact(manager, { primaryEmail: `o-${unique()}@acme.com` });
      const conflict = await t.http
        .put(`/api/organization-contact/${contact.id}`)
        .set(bearer(manager))
        .send({ primaryEmail: other.primaryEmail });
      expectProblem(conflict, 409, 'CONTACT_EMAIL_TAKEN');
      expect(conflict.body.existingId).toBe(other.id);
    });
  });

  describe('DELETE /api/organization-contact/:id', () => {
    it('soft-deletes the contact and answers like Gauzy', async () => {
      const contact = await crm.createOrganizationContact(manager);
      const response = await t.http.delete(`/api/organization-contact/${contact.id}`).set(bearer(manager));
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ affected: 1 });
      const [row] = await t.db.query(`SELECT deleted_at FROM contact WHERE id = $1`, [contact.id]);
      expect(row.deleted_at).not.toBeNull();
      const events = await t.db.query(`SELECT type FROM outbox_event WHERE entity_id = $1 ORDER BY position`, [
        contact.id,
      ]);
      expect(events.map((event: { type: string }) => event.type)).toEqual(['contact.created', 'contact.deleted']);
    });

    it('answers 403 for a VIEWER and 404 for another tenant', async () => {
      const contact = await crm.createOrganizationContact(manager);
      expectProblem(
        await t.http.delete(`/api/organization-contact/${contact.id}`).set(bearer(viewer)),
        403,
        'FORBIDDEN',
      );
      expectProblem(
        await t.http.delete(`/api/organization-contact/${contact.id}`).set(bearer(globex.admin)),
        404,
        'CONTACT_NOT_FOUND',
      );
    });
  });

  describe('one contact table behind both API surfaces', () => {
    it('shows a Gauzy contact on the portal and a portal contact on the Gauzy API', async () => {
      const gauzy = await crm.createOrganizationContact(manager, {
        name: 'Initech',
        primaryEmail: `hello-${unique()}@initech.com`,
      });
      const portalView = await t.http.get(`/api/crm/contacts/${gauzy.id}`).set(bearer(viewer));
      expect(portalView.body).toMatchObject({ name: 'Initech', email: gauzy.primaryEmail, kind: 'CUSTOMER' });

      const portal = await t.http
        .post('/api/crm/contacts')
        .set(bearer(manager))
        .send({ firstName: 'Jane', lastName: 'Doe', email: `jane-${unique()}@acme.com`, kind: 'LEAD' })
        .expect(201);
      const gauzyView = await t.http.get(`/api/organization-contact/${portal.body.id as string}`).set(bearer(viewer));
      expect(gauzyView.body).toMatchObject({
        name: 'Jane Doe',
        firstName: 'Jane',
        lastName: 'Doe',
        primaryEmail: portal.body.email,
        contactType: 'LEAD',
      });
      // The e-mail is unique across both surfaces.
      expectProblem(
        await t.http
          .post('/api/organization-contact')
          .set(bearer(manager))
          .send({ name: 'Dup', primaryEmail: portal.body.email }),
        409,
        'CONTACT_EMAIL_TAKEN',
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
      const contact = await crm.createOrganizationContact(acme.admin, {}, offId);
      await t.http
        .patch(`/api/organizations/${offId}/settings`)
        .set(bearer(acme.admin))
        .send({ crmEnabled: false })
        .expect(200);
      expectProblem(
        await t.http
          .post('/api/organization-contact')
          .set(bearer(acme.admin))
          .send({ name: 'x', organizationId: offId }),
        404,
        'CRM_DISABLED',
      );
      expectProblem(
        await t.http
          .get('/api/organization-contact/pagination')
          .set(bearer(acme.admin))
          .set('X-Organization-Id', offId),
        404,
        'CRM_DISABLED',
      );
      expectProblem(
        await t.http.get(`/api/organization-contact/${contact.id}`).set(bearer(acme.admin)),
        404,
        'CONTACT_NOT_FOUND',
      );
    });
  });
});
