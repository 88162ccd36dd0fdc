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
    it('creates the contact of the Gauzy example with members, tags and a budget (a number, as in Gauzy)', async () => {
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
        budget: 50000,
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
      expect((await crm.createOrganizationContact(manager, { budget: '1234.5' })).budget).toBe(1234.5);
      expect((await crm.createOrganizationContact(manager, { budget: '0.125', budgetType: 'COST' })).budget).toBe(
        0.125,
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
          tenantId: 'not-a-uuid',
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
        ['relations[]=invoices', 'relations'],
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
        budget: 10,
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

  describe("bodies and queries as Gauzy's web client sends them", () => {
    async function storedRow(id: string): Promise<Record<string, unknown> | undefined> {
      const [row] = await t.db.query(
        `SELECT tenant_id, organization_id, name, budget, version FROM contact WHERE id = $1`,
        [id],
      );
      return row as Record<string, unknown> | undefined;
    }

    it('takes tenantId, tenant: { id } and organization: { id } on create when they are yours', async () => {
      const created = await t.http
        .post('/api/organization-contact')
        .set(bearer(manager))
        .send({
          name: 'Gauzy Shaped',
          contactType: 'CLIENT',
          tenantId: acme.tenantId,
          tenant: { id: acme.tenantId },
          organizationId: acme.organizationId,
          organization: { id: acme.organizationId },
          members: [{ id: agent.userId }],
          budget: 50000,
        });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body).toMatchObject({ tenantId: acme.tenantId, organizationId: acme.organizationId });
      expect(await storedRow(created.body.id as string)).toMatchObject({
        tenant_id: acme.tenantId,
        organization_id: acme.organizationId,
        budget: '50000.0000',
      });

      // organization: { id } alone picks the organization, as organizationId does.
      const inBranch = await t.http
        .post('/api/organization-contact')
        .set(bearer(acme.admin))
        .send({ name: 'Branch Contact', organization: { id: branchId }, tenant: { id: acme.tenantId } });
      expect(inBranch.status, JSON.stringify(inBranch.body)).toBe(201);
      expect(inBranch.body.organizationId).toBe(branchId);
      expect(await storedRow(inBranch.body.id as string)).toMatchObject({ organization_id: branchId });
    });

    it('refuses another tenant or an organization you may not write to, and writes nothing', async () => {
      const name = `Refused ${unique()}`;
      const post = (body: Record<string, unknown>, session: Session = manager) =>
        t.http
          .post('/api/organization-contact')
          .set(bearer(session))
          .send({ name, ...body });
      expectProblem(await post({ tenantId: globex.tenantId }), 404, 'TENANT_NOT_FOUND');
      expectProblem(await post({ tenant: { id: globex.tenantId } }), 404, 'TENANT_NOT_FOUND');
      expectProblem(await post({ organization: { id: globex.organizationId } }), 404, 'ORGANIZATION_NOT_FOUND');
      expectProblem(await post({ organization: { id: branchId } }), 404, 'ORGANIZATION_NOT_FOUND');
      expectProblem(await post({ organization: { id: acme.organizationId } }, viewer), 403, 'FORBIDDEN');
      expectProblem(
        await post({ organizationId: acme.organizationId, organization: { id: branchId } }, acme.admin),
        400,
        'ORGANIZATION_MISMATCH',
        ['organization.id'],
      );
      expectProblem(await post({ tenantId: 'nope' }), 400, 'VALIDATION_FAILED', ['tenantId']);
      expectProblem(await post({ tenant: { id: 'nope' } }), 400, 'VALIDATION_FAILED', ['tenant.id']);
      expectProblem(await post({ tenant: 'x' }), 400, 'VALIDATION_FAILED', ['tenant']);
      expect(await t.db.query(`SELECT id FROM contact WHERE name = $1`, [name])).toEqual([]);
    });

    it('takes the record sent back on PUT (id, tenantId, tenant, organization) when they match', async () => {
      const contact = await crm.createOrganizationContact(manager, { budget: '12.5' });
      const read = await t.http.get(`/api/organization-contact/${contact.id}`).set(bearer(manager)).expect(200);
      const resent = {
        id: read.body.id,
        tenantId: read.body.tenantId,
        tenant: { id: read.body.tenantId },
        organizationId: read.body.organizationId,
        organization: { id: read.body.organizationId },
        name: 'Resent',
        budget: read.body.budget,
      };
      const updated = await t.http.put(`/api/organization-contact/${contact.id}`).set(bearer(manager)).send(resent);
      expect(updated.status, JSON.stringify(updated.body)).toBe(200);
      expect(updated.body).toMatchObject({ id: contact.id, name: 'Resent', budget: 12.5, version: 2 });
      expect(await storedRow(contact.id)).toMatchObject({ name: 'Resent', budget: '12.5000', version: 2 });

      const put = (body: Record<string, unknown>, session: Session = manager) =>
        t.http
          .put(`/api/organization-contact/${contact.id}`)
          .set(bearer(session))
          .send({ name: 'Changed', ...body });
      const otherId = (await crm.createOrganizationContact(manager)).id;
      expectProblem(await put({ id: otherId }), 400, 'VALIDATION_FAILED', ['id']);
      expectProblem(await put({ tenantId: globex.tenantId }), 404, 'TENANT_NOT_FOUND');
      expectProblem(await put({ tenant: { id: globex.tenantId } }), 404, 'TENANT_NOT_FOUND');
      expectProblem(await put({ organization: { id: globex.organizationId } }), 404, 'ORGANIZATION_NOT_FOUND');
      // A member of the branch cannot move the contact there: in the branch it does not exist.
      expectProblem(await put({ organization: { id: branchId } }, acme.admin), 404, 'CONTACT_NOT_FOUND');
      expect(await storedRow(contact.id)).toMatchObject({ name: 'Resent', organization_id: acme.organizationId });
    });

    it("answers Gauzy's relation names: projects, projects.members, members.user, contact", async () => {
      const { id: tagId } = await crm.createTag(manager);
      const contact = await crm.createOrganizationContact(manager, {
        name: `Related ${unique()}`,
        firstName: 'Ada',
        lastName: 'Lovelace',
        members: [{ id: agent.userId }],
        tags: [{ id: tagId }],
      });
      const one = await t.http
        .get(
          `/api/organization-contact/${contact.id}?relations[]=projects&relations[]=projects.members` +
            `&relations[]=members.user&relations[]=contact&relations[]=tags`,
        )
        .set(bearer(viewer));
      expect(one.status, JSON.stringify(one.body)).toBe(200);
      expect(one.body).toMatchObject({
        projects: [],
        contact: { firstName: 'Ada', lastName: 'Lovelace' },
        tags: [{ id: tagId }],
        members: [{ id: agent.userId, userId: agent.userId, user: { id: agent.userId, email: agent.email } }],
      });

      const page = await t.http
        .get(
          `/api/organization-contact/pagination?where[name]=${encodeURIComponent(contact.name)}` +
            `&relations[0]=projects&relations[1]=members`,
        )
        .set(bearer(viewer));
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      expect(page.body.items[0]).toMatchObject({ projects: [], members: [{ id: agent.userId }] });
      expect(page.body.items[0].members[0].user).toBeUndefined();
      expect(page.body.items[0].contact).toBeUndefined();

      expectProblem(
        await t.http.get(`/api/organization-contact/${contact.id}?relations[]=invoices`).set(bearer(viewer)),
        400,
        'VALIDATION_FAILED',
        ['relations'],
      );
    });

    it("reads Gauzy's join[…] as relations, and refuses joins it cannot name", async () => {
      const contact = await crm.createOrganizationContact(manager, {
        name: `Joined ${unique()}`,
        members: [{ id: agent.userId }],
      });
      const join =
        'join[alias]=organization_contact&join[leftJoinAndSelect][members]=organization_contact.members' +
        '&join[leftJoinAndSelect][user]=members.user&join[leftJoin][projects]=organization_contact.projects';
      const one = await t.http.get(`/api/organization-contact/${contact.id}?${join}`).set(bearer(viewer));
      expect(one.status, JSON.stringify(one.body)).toBe(200);
      expect(one.body).toMatchObject({ projects: [], members: [{ id: agent.userId, user: { id: agent.userId } }] });
      const all = await t.http
        .get(`/api/organization-contact?where[name]=${encodeURIComponent(contact.name)}&${join}`)
        .set(bearer(viewer));
      expect(all.status, JSON.stringify(all.body)).toBe(200);
      expect(all.body.items[0]).toMatchObject({ members: [{ user: { id: agent.userId } }] });

      for (const [query, field] of [
        ['join[leftJoin][invoices]=organization_contact.invoices', 'join[leftJoin][invoices]'],
        ['join[leftJoin][x]=elsewhere.members', 'join[leftJoin][x]'],
        ['join[leftJoin][x]=members', 'join[leftJoin][x]'],
        ['join[rightJoin][x]=organization_contact.members', 'join.rightJoin'],
      ] as const) {
        const response = await t.http.get(`/api/organization-contact/${contact.id}?${query}`).set(bearer(viewer));
        expect(response.status, `${query}: ${JSON.stringify(response.body)}`).toBe(400);
        expect(JSON.stringify(response.body), query).toContain(field.split('.')[0]);
      }
    });

    it('answers every contact on find-all (not 20), up to 1000; the paged route keeps its limits', async () => {
      const marker = unique('all');
      for (let index = 0; index < 23; index += 1) {
        await crm.createOrganizationContact(manager, { name: `All ${marker} ${String(index).padStart(2, '0')}` });
      }
      const all = await t.http.get(`/api/organization-contact?where[name]=${marker}`).set(bearer(viewer));
      expect(all.status, JSON.stringify(all.body)).toBe(200);
      expect(all.body.items).toHaveLength(23);
      expect(all.body.total).toBe(23);
      const paged = await t.http.get(`/api/organization-contact/pagination?where[name]=${marker}`).set(bearer(viewer));
      expect(paged.body.items).toHaveLength(20);
      expect(paged.body.total).toBe(23);
      const taken = await t.http.get(`/api/organization-contact?where[name]=${marker}&take=5`).set(bearer(viewer));
      expect(taken.body.items).toHaveLength(5);
      expect(taken.body.total).toBe(23);

      expect((await t.http.get('/api/organization-contact?take=1000').set(bearer(viewer))).status).toBe(200);
      expectProblem(
        await t.http.get('/api/organization-contact?take=1001').set(bearer(viewer)),
        400,
        'VALIDATION_FAILED',
        ['take'],
      );
      expectProblem(
        await t.http.get('/api/organization-contact?limit=1001').set(bearer(viewer)),
        400,
        'VALIDATION_FAILED',
        ['limit'],
      );
      expectProblem(
        await t.http.get('/api/organization-contact/pagination?take=101').set(bearer(viewer)),
        400,
        'VALIDATION_FAILED',
        ['take'],
      );
    });

    it('round-trips the budget exactly: a number where one is exact, else the decimal string', async () => {
      for (const [sent, answered, stored] of [
        [1234.5678, 1234.5678, '1234.5678'],
        ['0.1', 0.1, '0.1000'],
        ['100000.1234', 100000.1234, '100000.1234'],
        ['999999999999999.9999', '999999999999999.9999', '999999999999999.9999'],
        ['123456789012345.6789', '123456789012345.6789', '123456789012345.6789'],
      ] as const) {
        const contact = await crm.createOrganizationContact(manager, { budget: sent });
        expect(contact.budget, String(sent)).toBe(answered);
        expect(await storedRow(contact.id)).toMatchObject({ budget: stored });
        // What a client got back, sent again as it came, changes nothing.
        const again = await t.http
          .put(`/api/organization-contact/${contact.id}`)
          .set(bearer(manager))
          .send({ budget: contact.budget });
        expect(again.status, JSON.stringify(again.body)).toBe(200);
        expect(again.body.budget).toBe(answered);
        expect(await storedRow(contact.id)).toMatchObject({ budget: stored });
      }
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
