import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  type ContactRecord,
  createCrmWorld,
  createTestApp,
  type CrmRecords,
  crmRecords,
  expectProblem,
  memberWithRole,
  outboxEventTypes,
  type Session,
  type TenantFixture,
  type TestApp,
  unique,
} from '@clientele/testing';

describe('portal CRM contacts (/api/crm/contacts)', () => {
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

  function anEmail(): string {
    return `person-${unique()}@example.test`;
  }

  function fieldMessage(body: { errors?: Array<{ field: string; message: string }> }, field: string): string {
    return body.errors?.find((error) => error.field === field)?.message ?? '';
  }

  describe('POST /api/crm/contacts', () => {
    it('creates the contact of the portal example, name composed, e-mail lower-cased, audited', async () => {
      const { id: customerId } = await crm.createCustomer(manager);
      const email = `Jane.Doe.${unique()}@AcmeCorp.com`;
      const response = await t.http.post('/api/crm/contacts').set(bearer(manager)).send({
        firstName: 'Jane',
        lastName: 'Doe',
        email,
        phone: '+44 20 7946 0000',
        jobTitle: 'IT Manager',
        kind: 'CUSTOMER',
        status: 'Active',
        customerId,
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        organizationId: acme.organizationId,
        name: 'Jane Doe',
        firstName: 'Jane',
        lastName: 'Doe',
        email: email.toLowerCase(),
        phone: '+44 20 7946 0000',
        jobTitle: 'IT Manager',
        kind: 'CUSTOMER',
        status: 'Active',
        customerId,
        customer: { id: customerId },
        ownerId: manager.userId,
        marketingOptOut: false,
        isActive: true,
        tags: [],
        version: 1,
      });
      const [row] = await t.db.query(
        `SELECT tenant_id, organization_id, name, primary_email, contact_type, status, customer_id, owner_id, created_by
           FROM contact WHERE id = $1`,
        [response.body.id],
      );
      expect(row).toEqual({
        tenant_id: acme.tenantId,
        organization_id: acme.organizationId,
        name: 'Jane Doe',
        primary_email: email.toLowerCase(),
        contact_type: 'CUSTOMER',
        status: 'Active',
        customer_id: customerId,
        owner_id: manager.userId,
        created_by: manager.userId,
      });
      const [audit] = await t.db.query(`SELECT action, actor_id, before, after FROM audit_entry WHERE entity_id = $1`, [
        response.body.id,
      ]);
      expect(audit).toMatchObject({
        action: 'contact.created',
        actor_id: manager.userId,
        before: null,
        after: { name: 'Jane Doe', customerId, tagIds: [], memberIds: [] },
      });
      const [event] = await t.db.query(`SELECT type, payload FROM outbox_event WHERE entity_id = $1`, [
        response.body.id,
      ]);
      expect(event).toMatchObject({ type: 'contact.created', payload: { id: response.body.id } });
    });

    it('stores a status in the configured spelling and opts out of marketing', async () => {
      const contact = await crm.createContact(manager, { status: 'churned', marketingOptOut: true, tagIds: [] });
      const [row] = await t.db.query(`SELECT status, marketing_opt_out FROM contact WHERE id = $1`, [contact.id]);
      expect(row).toEqual({ status: 'Churned', marketing_opt_out: true });
    });

    it('answers bad kind, bad status, bad e-mail and unknown fields with 400 naming the allowed values', async () => {
      const response = await t.http.post('/api/crm/contacts').set(bearer(manager)).send({
        firstName: 'Jane',
        email: 'not-an-email',
        kind: 'FRIEND',
        tenantId: globex.tenantId,
        createdBy: manager.userId,
      });
      expectProblem(response, 400, 'VALIDATION_FAILED', ['email', 'kind', 'tenantId', 'createdBy']);
      expect(fieldMessage(response.body, 'kind')).toContain(
        'CUSTOMER, CLIENT, LEAD, VENDOR, PARTNER, CONTRACTOR, OTHER',
      );
      const status = await t.http
        .post('/api/crm/contacts')
        .set(bearer(manager))
        .send({ firstName: 'Jane', status: 'Lost' });
      expectProblem(status, 400, 'VALIDATION_FAILED', ['status']);
      expect(fieldMessage(status.body, 'status')).toContain('Prospect, Active, Churned');
      expectProblem(
        await t.http.post('/api/crm/contacts').set(bearer(manager)).send({ lastName: 'Nofirst' }),
        400,
        'VALIDATION_FAILED',
        ['firstName'],
      );
    });

    it('answers references outside the organization with 404 naming the field, and malformed ones with 400', async () => {
      const { id: foreignCustomer } = await crm.createCustomer(globex.admin);
      const { id: foreignTag } = await crm.createTag(globex.admin);
      const { id: customerId } = await crm.createCustomer(manager);
      for (const [body, field, status, code] of [
        [{ ownerId: globex.admin.userId }, 'ownerId', 404, 'USER_NOT_FOUND'],
        [{ customerId: foreignCustomer }, 'customerId', 404, 'CUSTOMER_NOT_FOUND'],
        [{ tags: [{ id: foreignTag }] }, 'tags', 404, 'TAG_NOT_FOUND'],
        [{ tagIds: ['not-a-uuid'] }, 'tagIds', 400, 'VALIDATION_FAILED'],
        [{ customerId, customerName: 'Acme' }, 'customerName', 400, 'VALIDATION_FAILED'],
      ] as const) {
        expectProblem(
          await t.http
            .post('/api/crm/contacts')
            .set(bearer(manager))
            .send({ firstName: 'Ref', ...body }),
          status,
          code,
          [field],
        );
      }
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM contact WHERE first_name = 'Ref'`);
      expect(n).toBe(0);
    });

    it('answers a taken e-mail (any case) with 409 CONTACT_EMAIL_TAKEN naming the existing contact', async () => {
      const existing = await crm.createContact(manager, { email: anEmail() });
      const response = await t.http
        .post('/api/crm/contacts')
        .set(bearer(manager))
        .send({ firstName: 'Dup', email: existing.email?.toUpperCase() });
      expectProblem(response, 409, 'CONTACT_EMAIL_TAKEN');
      expect(response.body.existingId).toBe(existing.id);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM contact WHERE lower(primary_email) = $1`, [
        existing.email,
      ]);
      expect(n).toBe(1);
      // The same e-mail in another tenant is another contact.
      await crm.createContact(globex.admin, { email: existing.email });
    });

    it('is refused to a VIEWER and an AGENT (403)', async () => {
      expectProblem(
        await t.http.post('/api/crm/contacts').set(bearer(viewer)).send({ firstName: 'V' }),
        403,
        'FORBIDDEN',
      );
      expectProblem(
        await t.http.post('/api/crm/contacts').set(bearer(agent)).send({ firstName: 'A' }),
        403,
        'FORBIDDEN',
      );
    });

    it('answers 404 for an organization of another tenant or one the user is not a member of', async () => {
      expectProblem(
        await t.http
          .post('/api/crm/contacts')
          .set(bearer(manager))
          .send({ firstName: 'X', organizationId: globex.organizationId }),
        404,
        'ORGANIZATION_NOT_FOUND',
      );
      expectProblem(
        await t.http.post('/api/crm/contacts').set(bearer(manager)).send({ firstName: 'X', organizationId: branchId }),
        404,
        'ORGANIZATION_NOT_FOUND',
      );
    });
  });

  describe('customerName', () => {
    it('reuses the customer of that name (case-insensitive) or creates it, in the same transaction', async () => {
      const name = `Initech ${unique()}`;
      const first = await crm.createContact(manager, { customerName: name });
      const second = await crm.createContact(manager, { customerName: name.toUpperCase() });
      expect(first.customerId).toEqual(expect.any(String));
      expect(second.customerId).toBe(first.customerId);
      const customers = await t.db.query(`SELECT id, name, owner_id FROM customer WHERE lower(name) = lower($1)`, [
        name,
      ]);
      expect(customers).toEqual([{ id: first.customerId, name, owner_id: manager.userId }]);
      expect(await outboxEventTypes(t.db, first.customerId ?? '')).toEqual(['customer.created']);
    });

    it('creates exactly one customer under 20 concurrent requests with the same new name', async () => {
      const name = `Race ${unique()}`;
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          t.http
            .post('/api/crm/contacts')
            .set(bearer(manager))
            .send({ firstName: 'Racer', lastName: String(index), email: anEmail(), customerName: name }),
        ),
      );
      expect(responses.map((response) => response.status)).toEqual(Array.from({ length: 20 }, () => 201));
      const customers = await t.db.query(`SELECT id FROM customer WHERE lower(name) = lower($1)`, [name]);
      expect(customers).toHaveLength(1);
      const customerIds = new Set(responses.map((response) => (response.body as ContactRecord).customerId));
      expect([...customerIds]).toEqual([customers[0].id]);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM contact WHERE customer_id = $1`, [
        customers[0].id,
      ]);
      expect(n).toBe(20);
      expect(await outboxEventTypes(t.db, customers[0].id)).toEqual(['customer.created']);
    });
  });

  describe('GET /api/crm/contacts', () => {
    it('filters by kind, status, owner, customer, tag (id or name) and isActive', async () => {
      const marker = unique('f');
      const { id: customerId } = await crm.createCustomer(manager);
      const tagName = `Hot ${marker}`;
      const { id: tagId } = await crm.createTag(manager, { name: tagName });
      const lead = await crm.createContact(manager, {
        lastName: marker,
        kind: 'LEAD',
        status: 'Prospect',
        ownerId: agent.userId,
        tags: [{ id: tagId }],
      });
      const vendor = await crm.createContact(manager, {
        lastName: marker,
        kind: 'VENDOR',
        status: 'Active',
        customerId,
      });
      const inactive = await crm.createContact(manager, { lastName: marker, isActive: false });

      async function ids(query: string): Promise<string[]> {
        const response = await t.http.get(`/api/crm/contacts?q=${marker}&${query}`).set(bearer(viewer));
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        return (response.body.items as ContactRecord[]).map((row) => row.id).sort();
      }
      expect(await ids('kind=LEAD')).toEqual([lead.id]);
      expect(await ids('status=active')).toEqual([vendor.id]);
      expect(await ids(`ownerId=${agent.userId}`)).toEqual([lead.id]);
      expect(await ids(`customerId=${customerId}`)).toEqual([vendor.id]);
      expect(await ids(`tag=${tagId}`)).toEqual([lead.id]);
      expect(await ids(`tag=${encodeURIComponent(tagName.toUpperCase())}`)).toEqual([lead.id]);
      expect(await ids('isActive=false')).toEqual([inactive.id]);
      expect(await ids('kind=LEAD&status=Active')).toEqual([]);
      expect(await ids('')).toEqual([lead.id, vendor.id, inactive.id].sort());
    });

    it('searches name, e-mail, phone and company name with q, case-insensitively', async () => {
      const marker = unique('q');
      const company = `Umbrella${marker}`;
      const byName = await crm.createContact(manager, { firstName: 'Quentin', lastName: `Zed${marker}` });
      const email = `jane.doe.${marker}@acme.com`;
      const byEmail = await crm.createContact(manager, { email });
      const byPhone = await crm.createContact(manager, { phone: `+44 20 ${marker}` });
      const byCompany = await crm.createContact(manager, { customerName: company });
      async function ids(q: string): Promise<string[]> {
        const response = await t.http.get(`/api/crm/contacts?q=${encodeURIComponent(q)}`).set(bearer(viewer));
        return (response.body.items as ContactRecord[]).map((row) => row.id);
      }
      // q forgives a typo, so the other contacts sharing the marker may follow: the match comes first.
      const first = async (q: string): Promise<string | undefined> => (await ids(q))[0];
      expect(await first(`zed${marker}`.toUpperCase())).toBe(byName.id);
      expect(await first(email)).toBe(byEmail.id);
      expect(await first(`20 ${marker}`)).toBe(byPhone.id);
      expect(await first(company.toLowerCase())).toBe(byCompany.id);
      // LIKE's wildcards are literal: unescaped, `%_%` would match every contact.
      expect(await ids('%_%')).toEqual([]);
    });

    it('walks every contact exactly once with a cursor', async () => {
      const marker = unique('page');
      const created = [];
      for (let index = 0; index < 5; index += 1)
        created.push((await crm.createContact(manager, { lastName: marker })).id);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = `/api/crm/contacts?q=${marker}&limit=2&sort=name${cursor === null ? '' : `&cursor=${cursor}`}`;
        const response = await t.http.get(query).set(bearer(viewer));
        expect(response.status).toBe(200);
        expect(response.body.total).toBe(5);
        seen.push(...(response.body.items as ContactRecord[]).map((row) => row.id));
        cursor = response.body.nextCursor as string | null;
        pages += 1;
      } while (cursor !== null && pages < 10);
      expect(pages).toBe(3);
      expect([...seen].sort()).toEqual([...created].sort());
      expectProblem(
        await t.http.get(`/api/crm/contacts?q=${marker}&limit=2&sort=-createdAt&cursor=bogus`).set(bearer(viewer)),
        400,
        'VALIDATION_FAILED',
        ['cursor'],
      );
    });

    it('rejects bad filters with 400', async () => {
      expectProblem(await t.http.get('/api/crm/contacts?kind=FRIEND').set(bearer(viewer)), 400, 'VALIDATION_FAILED', [
        'kind',
      ]);
      expectProblem(
        await t.http.get('/api/crm/contacts?ownerId=nope&isActive=maybe').set(bearer(viewer)),
        400,
        'VALIDATION_FAILED',
        ['ownerId', 'isActive'],
      );
    });

    it('shows neither another tenant nor a non-member organization', async () => {
      const marker = unique('iso');
      await crm.createContact(globex.admin, { lastName: marker });
      await crm.createContact(acme.admin, { lastName: marker }, branchId);
      const response = await t.http.get(`/api/crm/contacts?q=${marker}`).set(bearer(manager));
      expect(response.body).toMatchObject({ items: [], total: 0 });
      const admin = await t.http.get(`/api/crm/contacts?q=${marker}`).set(bearer(acme.admin));
      expect(admin.body.total).toBe(1);
    });

    it('is refused to a GUEST (403)', async () => {
      const guest = await memberWithRole(t.http, acme, 'GUEST');
      expectProblem(await t.http.get('/api/crm/contacts').set(bearer(guest)), 403, 'FORBIDDEN');
    });
  });

  describe('GET /api/crm/contacts?format=csv|ndjson', () => {
    it('streams the filtered list as RFC 4180 CSV with formula cells neutralised', async () => {
      const marker = unique('csv');
      await crm.createContact(manager, {
        firstName: '=HYPERLINK("http://evil")',
        lastName: marker,
        phone: '+44 20 7946 0000',
        jobTitle: 'Head of IT, "Ops"',
        customerName: `@Corp ${marker}`,
        kind: 'VENDOR',
      });
      await crm.createContact(manager, { firstName: 'Tab', lastName: marker, jobTitle: '\tcmd', kind: 'LEAD' });
      await crm.createContact(acme.admin, { lastName: marker }, branchId);
      await crm.createContact(globex.admin, { lastName: marker });

      const response = await t.http.get(`/api/crm/contacts?format=csv&q=${marker}&sort=name`).set(bearer(manager));
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      const today = new Date().toISOString().slice(0, 10);
      expect(response.headers['content-disposition']).toBe(`attachment; filename="contacts-${today}.csv"`);
      const lines = response.text.split('\r\n');
      expect(lines[0]).toBe(
        'id,organizationId,name,firstName,lastName,email,phone,jobTitle,kind,status,customerId,customerName,ownerId,marketingOptOut,isActive,tags,createdAt,updatedAt',
      );
      expect(lines).toHaveLength(4);
      expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"") ${marker}","'=HYPERLINK(""http://evil"")",${marker},`);
      expect(lines[1]).toContain(`,'+44 20 7946 0000,"Head of IT, ""Ops""",VENDOR,`);
      expect(lines[1]).toContain(`,'@Corp ${marker},`);
      expect(lines[2]).toContain(`,'\tcmd,LEAD,`);
      expect(lines[3]).toBe('');

      const leads = await t.http.get(`/api/crm/contacts?format=ndjson&q=${marker}&kind=LEAD`).set(bearer(manager));
      expect(leads.status).toBe(200);
      expect(leads.headers['content-type']).toBe('application/x-ndjson');
      expect(leads.headers['content-disposition']).toBe(`attachment; filename="contacts-${today}.ndjson"`);
      const records = leads.text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(records).toEqual([
        expect.objectContaining({ firstName: 'Tab', jobTitle: '\tcmd', kind: 'LEAD', isActive: true }),
      ]);
    });

    it('streams more rows than one cursor batch, and answers bad filters with 400 before streaming', async () => {
      const marker = unique('bulk');
      const { id: customerId } = await crm.createCustomer(manager);
      await t.db.query(
        `INSERT INTO contact (tenant_id, organization_id, name, first_name, last_name, customer_id)
         SELECT $1, $2, 'Bulk ' || $3 || g, 'Bulk', $3 || g, $4 FROM generate_series(1, 1200) g`,
        [acme.tenantId, acme.organizationId, marker, customerId],
      );
      const response = await t.http.get(`/api/crm/contacts?format=csv&q=${marker}`).set(bearer(viewer));
      expect(response.status).toBe(200);
      expect(response.text.split('\r\n').filter((line) => line !== '')).toHaveLength(1201);
      expectProblem(
        await t.http.get('/api/crm/contacts?format=csv&kind=FRIEND').set(bearer(viewer)),
        400,
        'VALIDATION_FAILED',
        ['kind'],
      );
      expectProblem(
        await t.http.get('/api/crm/contacts?format=csv&sort=email').set(bearer(viewer)),
        400,
        'VALIDATION_FAILED',
        ['sort'],
      );
    });
  });

  describe('GET /api/crm/contacts/:id', () => {
    it('returns the contact with its customer and the (still empty) deals, activities, notes and tickets', async () => {
      const { id: tagId } = await crm.createTag(manager);
      const contact = await crm.createContact(manager, { customerName: `Globex ${unique()}`, tags: [{ id: tagId }] });
      const response = await t.http.get(`/api/crm/contacts/${contact.id}`).set(bearer(viewer));
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        id: contact.id,
        customer: { id: contact.customerId, name: expect.stringMatching(/^Globex /) },
        tags: [{ id: tagId }],
        openDeals: [],
        recentActivities: [],
        notes: [],
        tickets: [],
      });
      expect(response.headers.etag).toBe('"1"');
    });

    it('answers 404 for another tenant and a non-member organization, 400 for a bad id', async () => {
      const foreign = await crm.createContact(globex.admin);
      expectProblem(await t.http.get(`/api/crm/contacts/${foreign.id}`).set(bearer(manager)), 404, 'CONTACT_NOT_FOUND');
      const branchContact = await crm.createContact(acme.admin, {}, branchId);
      expectProblem(
        await t.http.get(`/api/crm/contacts/${branchContact.id}`).set(bearer(manager)),
        404,
        'CONTACT_NOT_FOUND',
      );
      expectProblem(await t.http.get('/api/crm/contacts/42').set(bearer(manager)), 400, 'VALIDATION_FAILED', ['id']);
    });
  });

  describe('PATCH /api/crm/contacts/:id', () => {
    it('changes the fields sent (the portal example), recomposes the name and records before/after', async () => {
      const contact = await crm.createContact(manager, { firstName: 'Jane', lastName: 'Doe', status: 'Prospect' });
      const response = await t.http
        .patch(`/api/crm/contacts/${contact.id}`)
        .set(bearer(manager))
        .send({ jobTitle: 'Head of IT', status: 'Active', lastName: 'Smith' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        name: 'Jane Smith',
        jobTitle: 'Head of IT',
        status: 'Active',
        email: contact.email,
        version: 2,
      });
      const [audit] = await t.db.query(
        `SELECT before, after FROM audit_entry WHERE entity_id = $1 AND action = 'contact.updated'`,
        [contact.id],
      );
      expect(audit.before).toMatchObject({ name: 'Jane Doe', status: 'Prospect', jobTitle: null });
      expect(audit.after).toMatchObject({ name: 'Jane Smith', status: 'Active', jobTitle: 'Head of IT' });
      expect(await outboxEventTypes(t.db, contact.id)).toEqual(['contact.created', 'contact.updated']);
    });

    it('lets an AGENT update contacts it owns but not others, nor hand its own to someone else', async () => {
      const owned = await crm.createContact(manager, { ownerId: agent.userId });
      const notOwned = await crm.createContact(manager, { ownerId: manager.userId });
      const ok = await t.http.patch(`/api/crm/contacts/${owned.id}`).set(bearer(agent)).send({ jobTitle: 'Buyer' });
      expect(ok.status).toBe(200);
      expect(ok.body.jobTitle).toBe('Buyer');
      expectProblem(
        await t.http.patch(`/api/crm/contacts/${notOwned.id}`).set(bearer(agent)).send({ jobTitle: 'Buyer' }),
        403,
        'FORBIDDEN',
      );
      expectProblem(
        await t.http.patch(`/api/crm/contacts/${owned.id}`).set(bearer(agent)).send({ ownerId: manager.userId }),
        403,
        'FORBIDDEN',
      );
      expectProblem(
        await t.http
          .patch(`/api/crm/contacts/${owned.id}`)
          .set(bearer(agent))
          .send({ customerName: `New ${unique()}` }),
        403,
        'FORBIDDEN',
      );
      const [row] = await t.db.query(`SELECT owner_id, job_title FROM contact WHERE id = $1`, [notOwned.id]);
      expect(row).toEqual({ owner_id: manager.userId, job_title: null });
    });

    it('is refused to a VIEWER (403), and answers 404 for another tenant and a non-member organization', async () => {
      const contact = await crm.createContact(manager);
      expectProblem(
        await t.http.patch(`/api/crm/contacts/${contact.id}`).set(bearer(viewer)).send({ jobTitle: 'x' }),
        403,
        'FORBIDDEN',
      );
      expectProblem(
        await t.http.patch(`/api/crm/contacts/${contact.id}`).set(bearer(globex.admin)).send({ jobTitle: 'x' }),
        404,
        'CONTACT_NOT_FOUND',
      );
      const branchContact = await crm.createContact(acme.admin, {}, branchId);
      expectProblem(
        await t.http.patch(`/api/crm/contacts/${branchContact.id}`).set(bearer(manager)).send({ jobTitle: 'x' }),
        404,
        'CONTACT_NOT_FOUND',
      );
    });

    it('answers 400 for bad values and null on required fields, 409 for a taken e-mail', async () => {
      const contact = await crm.createContact(manager);
      expectProblem(
        await t.http
          .patch(`/api/crm/contacts/${contact.id}`)
          .set(bearer(manager))
          .send({ firstName: null, kind: null, isActive: 'yes', email: 'nope' }),
        400,
        'VALIDATION_FAILED',
        ['firstName', 'kind', 'isActive', 'email'],
      );
      expectProblem(
        await t.http.patch(`/api/crm/contacts/${contact.id}`).set(bearer(manager)).send({ status: 'Dormant' }),
        400,
        'VALIDATION_FAILED',
        ['status'],
      );
      const other = await crm.createContact(manager);
      const conflict = await t.http
        .patch(`/api/crm/contacts/${contact.id}`)
        .set(bearer(manager))
        .send({ email: other.email?.toUpperCase() });
      expectProblem(conflict, 409, 'CONTACT_EMAIL_TAKEN');
      expect(conflict.body.existingId).toBe(other.id);
      // Its own e-mail, in another case, is not a conflict.
      await t.http
        .patch(`/api/crm/contacts/${contact.id}`)
        .set(bearer(manager))
        .send({ email: contact.email?.toUpperCase() })
        .expect(200);
    });
  });

  describe('DELETE /api/crm/contacts/:id', () => {
    it('soft-deletes the contact, records contact.deleted and frees its e-mail', async () => {
      const contact = await crm.createContact(manager);
      await t.http.delete(`/api/crm/contacts/${contact.id}`).set(bearer(manager)).expect(204);
      const [row] = await t.db.query(`SELECT deleted_at FROM contact WHERE id = $1`, [contact.id]);
      expect(row.deleted_at).not.toBeNull();
      expect(await outboxEventTypes(t.db, contact.id)).toEqual(['contact.created', 'contact.deleted']);
      const [audit] = await t.db.query(
        `SELECT before, after FROM audit_entry WHERE entity_id = $1 AND action = 'contact.deleted'`,
        [contact.id],
      );
      expect(audit).toMatchObject({ before: { id: contact.id }, after: null });
      expectProblem(await t.http.get(`/api/crm/contacts/${contact.id}`).set(bearer(manager)), 404, 'CONTACT_NOT_FOUND');
      await crm.createContact(manager, { email: contact.email });
    });

    it('is refused to an AGENT even on its own contact and to a VIEWER (403); 404 for another tenant', async () => {
      const owned = await crm.createContact(manager, { ownerId: agent.userId });
      expectProblem(await t.http.delete(`/api/crm/contacts/${owned.id}`).set(bearer(agent)), 403, 'FORBIDDEN');
      expectProblem(await t.http.delete(`/api/crm/contacts/${owned.id}`).set(bearer(viewer)), 403, 'FORBIDDEN');
      expectProblem(
        await t.http.delete(`/api/crm/contacts/${owned.id}`).set(bearer(globex.admin)),
        404,
        'CONTACT_NOT_FOUND',
      );
      const [row] = await t.db.query(`SELECT deleted_at FROM contact WHERE id = $1`, [owned.id]);
      expect(row.deleted_at).toBeNull();
    });
  });

  describe('organizations with CRM switched off', () => {
    it('answer 404 CRM_DISABLED when named, and hide their contacts', async () => {
      const created = await t.http
        .post('/api/organizations')
        .set(bearer(acme.admin))
        .send({ name: `Off ${unique()}` })
        .expect(201);
      const offId = created.body.id as string;
      const contact = await crm.createContact(acme.admin, {}, offId);
      await t.http
        .patch(`/api/organizations/${offId}/settings`)
        .set(bearer(acme.admin))
        .send({ crmEnabled: false })
        .expect(200);
      expectProblem(
        await t.http.get('/api/crm/contacts').set(bearer(acme.admin)).set('X-Organization-Id', offId),
        404,
        'CRM_DISABLED',
      );
      expectProblem(
        await t.http.post('/api/crm/contacts').set(bearer(acme.admin)).send({ firstName: 'X', organizationId: offId }),
        404,
        'CRM_DISABLED',
      );
      expectProblem(
        await t.http.get(`/api/crm/contacts/${contact.id}`).set(bearer(acme.admin)),
        404,
        'CONTACT_NOT_FOUND',
      );
    });
  });
});
