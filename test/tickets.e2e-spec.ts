import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  type ContactRecord,
  createApiKey,
  createCrmWorld,
  createTestApp,
  crmRecords,
  type CrmRecords,
  expectProblem,
  type Session,
  type TenantFixture,
  type TestApp,
  type TicketRecord,
  unique,
} from '@clientele/testing';

interface LinkOutcome {
  ticket: TicketRecord;
  linked: Array<{ id: string; email: string | null }>;
  alreadyLinked: Array<{ id: string }>;
  removed: Array<{ id: string }>;
  notLinked: Array<{ id: string }>;
  inactive: Array<{ id: string }>;
  unknownEmails: string[];
}

describe('tickets', () => {
  let t: TestApp;
  let acme: TenantFixture;
  let globex: TenantFixture;
  let viewer: Session;
  let agent: Session;
  let manager: Session;
  let guest: Session;
  let branchId: string;
  let records: CrmRecords;

  function as(
    session: Session,
    organizationId = session === globex.admin ? globex.organizationId : acme.organizationId,
  ) {
    const org = (request: ReturnType<TestApp['http']['get']>) =>
      request.set(bearer(session)).set('X-Organization-Id', organizationId);
    return {
      get: (url: string) => org(t.http.get(url)),
      post: (url: string, body: object = {}) => org(t.http.post(url)).send(body),
      patch: (url: string, body: object) => org(t.http.patch(url)).send(body),
      delete: (url: string) => org(t.http.delete(url)),
    };
  }

  beforeAll(async () => {
    t = await createTestApp();
    const world = await createCrmWorld(t.http);
    ({ acme, globex, viewer, agent, manager, guest, branchId } = world);
    records = crmRecords(t.http, world);
  });
  afterAll(async () => {
    await t.close();
  });

  async function events(entityId: string): Promise<string[]> {
    const rows: Array<{ type: string }> = await t.db.query(
      `SELECT type FROM outbox_event WHERE entity_id = $1 ORDER BY position`,
      [entityId],
    );
    return rows.map((row) => row.type);
  }

  async function row(ticketId: string): Promise<Record<string, unknown>> {
    const [stored] = await t.db.query(
      `SELECT tenant_id, organization_id, title, description, status, priority, customer_id, assignee_id,
              resolved_at, closed_at, deleted_at,
              (SELECT array_agg(tag_id ORDER BY tag_id) FROM ticket_tag WHERE ticket_id = ticket.id) AS tag_ids
         FROM ticket WHERE id = $1`,
      [ticketId],
    );
    return stored as Record<string, unknown>;
  }

  async function links(
    ticketId: string,
  ): Promise<Array<{ tenant_id: string; organization_id: string; contact_id: string }>> {
    return t.db.query(
      `SELECT tenant_id, organization_id, contact_id FROM ticket_contact WHERE ticket_id = $1 ORDER BY contact_id`,
      [ticketId],
    );
  }

  async function linkContacts(ticketId: string, body: object, session: Session = acme.admin): Promise<LinkOutcome> {
    const response = await as(session).post(`/api/tickets/${ticketId}/contacts`, body);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as LinkOutcome;
  }

  describe('POST /api/tickets', () => {
    it('opens a ticket with defaults, its tags and active contacts, and records ticket.created', async () => {
      const contact = await records.createContact(acme.admin);
      const customer = await records.createCustomer(acme.admin);
      const tag = await records.createTag(acme.admin);
      const ticket = await records.createTicket(acme.admin, {
        title: '  Printer on fire ',
        description: 'Third floor',
        customerId: customer.id,
        contactIds: [contact.id],
        tagIds: [tag.id],
      });
      expect(ticket).toMatchObject({
        organizationId: acme.organizationId,
        title: 'Printer on fire',
        description: 'Third floor',
        status: 'OPEN',
        priority: 'NORMAL',
        customerId: customer.id,
        assigneeId: acme.admin.userId,
        resolvedAt: null,
        closedAt: null,
        contacts: [{ id: contact.id, name: contact.name, email: contact.email }],
        tags: [{ id: tag.id, name: tag.name }],
        version: 1,
      });
      expect(await row(ticket.id)).toMatchObject({
        tenant_id: acme.tenantId,
        organization_id: acme.organizationId,
        status: 'OPEN',
        priority: 'NORMAL',
        customer_id: customer.id,
        assignee_id: acme.admin.userId,
        tag_ids: [tag.id],
      });
      expect(await links(ticket.id)).toEqual([
        { tenant_id: acme.tenantId, organization_id: acme.organizationId, contact_id: contact.id },
      ]);
      expect(await events(ticket.id)).toEqual(['ticket.created']);
    });

    it('answers 400 with the field for a bad body, and writes nothing', async () => {
      const admin = as(acme.admin);
      expectProblem(await admin.post('/api/tickets', {}), 400, 'VALIDATION_FAILED', ['title']);
      expectProblem(await admin.post('/api/tickets', { title: 'x', priority: 'SOON' }), 400, 'VALIDATION_FAILED', [
        'priority',
      ]);
      expectProblem(await admin.post('/api/tickets', { title: 'x', status: 'OPEN' }), 400, 'VALIDATION_FAILED');
      const seven = Array.from({ length: 7 }, () => '6f1c2d3e-0000-4000-8000-000000000001');
      const tooMany = await admin.post('/api/tickets', { title: 'x', contactIds: seven });
      expectProblem(tooMany, 400, 'VALIDATION_FAILED', ['contactIds']);
      expect(JSON.stringify(tooMany.body)).toContain('You can only add up to 6 contacts at one time');
      const inactive = await records.createContact(acme.admin, { isActive: false });
      const title = `Refused ${unique()}`;
      expectProblem(await admin.post('/api/tickets', { title, contactIds: [inactive.id] }), 400, 'CONTACT_INACTIVE', [
        'contactIds',
      ]);
      expect(await t.db.query(`SELECT 1 FROM ticket WHERE title = $1`, [title])).toEqual([]);
    });

    it("answers 404 naming the field for another organization's or tenant's customer, contact, tag or assignee", async () => {
      const admin = as(acme.admin);
      const foreignCustomer = await records.createCustomer(globex.admin);
      const foreignContact = await records.createContact(globex.admin);
      const branchContact = await records.createContact(acme.admin, {}, branchId);
      const foreignTag = await records.createTag(globex.admin);
      expectProblem(
        await admin.post('/api/tickets', { title: 'x', customerId: foreignCustomer.id }),
        404,
        'CUSTOMER_NOT_FOUND',
        ['customerId'],
      );
      expectProblem(
        await admin.post('/api/tickets', { title: 'x', contactIds: [foreignContact.id] }),
        404,
        'CONTACT_NOT_FOUND',
        ['contactIds'],
      );
      expectProblem(
        await admin.post('/api/tickets', { title: 'x', contactIds: [branchContact.id] }),
        404,
        'CONTACT_NOT_FOUND',
        ['contactIds'],
      );
      expectProblem(await admin.post('/api/tickets', { title: 'x', tagIds: [foreignTag.id] }), 404, 'TAG_NOT_FOUND', [
        'tagIds',
      ]);
      const foreignAssignee = await admin.post('/api/tickets', { title: 'x', assigneeId: globex.admin.userId });
      expect(foreignAssignee.status).toBe(404);
      expect(JSON.stringify(foreignAssignee.body)).toContain('assigneeId');
    });

    it('needs a write grant: VIEWER and GUEST 403; an AGENT opens only tickets assigned to it', async () => {
      expectProblem(await as(viewer).post('/api/tickets', { title: 'x' }), 403, 'FORBIDDEN');
      expectProblem(await as(guest).post('/api/tickets', { title: 'x' }), 403, 'FORBIDDEN');
      const own = await records.createTicket(agent);
      expect(own.assigneeId).toBe(agent.userId);
      expectProblem(await as(agent).post('/api/tickets', { title: 'x', assigneeId: manager.userId }), 403, 'FORBIDDEN');
    });
  });

  describe('GET /api/tickets/:id', () => {
    it('reads a ticket; another tenant or a non-member organization answers 404; a bad id 400', async () => {
      const ticket = await records.createTicket(acme.admin);
      const read = await as(viewer).get(`/api/tickets/${ticket.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id: ticket.id, title: ticket.title, contacts: [] });
      expectProblem(await as(globex.admin).get(`/api/tickets/${ticket.id}`), 404, 'TICKET_NOT_FOUND');
      const branchTicket = await records.createTicket(acme.admin, {}, branchId);
      expectProblem(await as(viewer).get(`/api/tickets/${branchTicket.id}`), 404, 'TICKET_NOT_FOUND');
      expectProblem(await as(acme.admin).get('/api/tickets/not-a-uuid'), 400, 'VALIDATION_FAILED', ['id']);
      expectProblem(await as(guest).get(`/api/tickets/${ticket.id}`), 403, 'FORBIDDEN');
    });
  });

  describe('PATCH /api/tickets/:id', () => {
    it('moves the status along its transitions, stamping resolvedAt/closedAt, and records ticket.status_changed', async () => {
      const ticket = await records.createTicket(acme.admin);
      const resolved = await as(acme.admin).patch(`/api/tickets/${ticket.id}`, {
        status: 'RESOLVED',
        priority: 'HIGH',
      });
      expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
      expect(resolved.body).toMatchObject({ status: 'RESOLVED', priority: 'HIGH', closedAt: null });
      expect(resolved.body.resolvedAt).toEqual(expect.any(String));
      const closed = await as(acme.admin).patch(`/api/tickets/${ticket.id}`, { status: 'CLOSED' });
      expect(closed.body).toMatchObject({ status: 'CLOSED', resolvedAt: resolved.body.resolvedAt });
      expectProblem(
        await as(acme.admin).patch(`/api/tickets/${ticket.id}`, { status: 'PENDING' }),
        409,
        'INVALID_TRANSITION',
      );
      const renamed = await as(acme.admin).patch(`/api/tickets/${ticket.id}`, { title: 'Renamed' });
      expect(renamed.body).toMatchObject({ title: 'Renamed', status: 'CLOSED' });
      expect(await row(ticket.id)).toMatchObject({ status: 'CLOSED', priority: 'HIGH', title: 'Renamed' });
      expect(await events(ticket.id)).toEqual([
        'ticket.created',
        'ticket.status_changed',
        'ticket.status_changed',
        'ticket.updated',
      ]);
    });

    it('400 on a bad field; 404 for a foreign customer; an AGENT changes only its own tickets', async () => {
      const ticket = await records.createTicket(acme.admin);
      expectProblem(
        await as(acme.admin).patch(`/api/tickets/${ticket.id}`, { status: 'DONE' }),
        400,
        'VALIDATION_FAILED',
        ['status'],
      );
      expectProblem(
        await as(acme.admin).patch(`/api/tickets/${ticket.id}`, { title: null }),
        400,
        'VALIDATION_FAILED',
        ['title'],
      );
      const foreign = await records.createCustomer(globex.admin);
      expectProblem(
        await as(acme.admin).patch(`/api/tickets/${ticket.id}`, { customerId: foreign.id }),
        404,
        'CUSTOMER_NOT_FOUND',
        ['customerId'],
      );
      expectProblem(await as(agent).patch(`/api/tickets/${ticket.id}`, { title: 'mine now' }), 403, 'FORBIDDEN');
      expectProblem(await as(viewer).patch(`/api/tickets/${ticket.id}`, { title: 'no' }), 403, 'FORBIDDEN');
      expectProblem(
        await as(globex.admin).patch(`/api/tickets/${ticket.id}`, { title: 'no' }),
        404,
        'TICKET_NOT_FOUND',
      );
      const own = await records.createTicket(agent);
      const pending = await as(agent).patch(`/api/tickets/${own.id}`, { status: 'PENDING' });
      expect(pending.body).toMatchObject({ status: 'PENDING' });
      expect((await row(ticket.id)).title).toBe(ticket.title);
    });
  });

  describe('DELETE /api/tickets/:id', () => {
    it('soft-deletes with ORG_TICKET_EDIT only, and records ticket.deleted', async () => {
      const own = await records.createTicket(agent);
      expectProblem(await as(agent).delete(`/api/tickets/${own.id}`), 403, 'FORBIDDEN');
      expectProblem(await as(globex.admin).delete(`/api/tickets/${own.id}`), 404, 'TICKET_NOT_FOUND');
      expect((await as(manager).delete(`/api/tickets/${own.id}`)).status).toBe(204);
      expect((await row(own.id)).deleted_at).not.toBeNull();
      expect((await as(acme.admin).get(`/api/tickets/${own.id}`)).status).toBe(404);
      expect(await events(own.id)).toEqual(['ticket.created', 'ticket.deleted']);
    });
  });

  describe('GET /api/tickets', () => {
    it('filters by status, priority, assignee, customer, contact, tag and q, with exact totals', async () => {
      const marker = unique('flt');
      const customer = await records.createCustomer(acme.admin);
      const contact = await records.createContact(acme.admin);
      const tag = await records.createTag(acme.admin);
      const first = await records.createTicket(acme.admin, {
        title: `${marker} one`,
        priority: 'URGENT',
        customerId: customer.id,
        contactIds: [contact.id],
        tagIds: [tag.id],
      });
      const second = await records.createTicket(acme.admin, { title: `${marker} two`, assigneeId: agent.userId });
      await as(acme.admin).patch(`/api/tickets/${second.id}`, { status: 'PENDING' });
      const ids = async (query: string): Promise<{ ids: string[]; total: number }> => {
        const response = await as(viewer).get(`/api/tickets?${query}`);
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        return { ids: response.body.items.map((item: { id: string }) => item.id), total: response.body.total };
      };
      expect((await ids(`q=${marker}`)).ids.sort()).toEqual([first.id, second.id].sort());
      expect(await ids(`q=${marker}&status=PENDING`)).toEqual({ ids: [second.id], total: 1 });
      expect(await ids(`customerId=${customer.id}`)).toEqual({ ids: [first.id], total: 1 });
      expect(await ids(`contactId=${contact.id}`)).toEqual({ ids: [first.id], total: 1 });
      expect(await ids(`tag=${encodeURIComponent(tag.name)}`)).toEqual({ ids: [first.id], total: 1 });
      expect((await ids(`q=${marker}&priority=URGENT`)).ids).toEqual([first.id]);

      // Counted filters: totals from ticket_facet_count, equal to the table's.
      const [{ count: urgent }] = await t.db.query(
        `SELECT count(*)::int AS count FROM ticket WHERE organization_id = $1 AND priority = 'URGENT' AND deleted_at IS NULL`,
        [acme.organizationId],
      );
      expect((await ids('priority=URGENT')).total).toBe(urgent);
      const [{ count: pendingForAgent }] = await t.db.query(
        `SELECT count(*)::int AS count FROM ticket WHERE organization_id = $1 AND status = 'PENDING'
            AND assignee_id = $2 AND deleted_at IS NULL`,
        [acme.organizationId, agent.userId],
      );
      expect((await ids(`status=PENDING&assigneeId=${agent.userId}`)).total).toBe(pendingForAgent);
      const [{ count: all }] = await t.db.query(
        `SELECT count(*)::int AS count FROM ticket WHERE organization_id = $1 AND deleted_at IS NULL`,
        [acme.organizationId],
      );
      expect((await ids('limit=1')).total).toBe(all);
      expectProblem(await as(viewer).get('/api/tickets?status=NOPE'), 400, 'VALIDATION_FAILED', ['status']);
      expectProblem(await as(guest).get('/api/tickets'), 403, 'FORBIDDEN');
      const globexList = await as(globex.admin).get(`/api/tickets?q=${marker}`);
      expect(globexList.body).toMatchObject({ items: [], total: 0 });
    });

    it('exports the filtered list as CSV', async () => {
      const marker = unique('csv');
      const contact = await records.createContact(acme.admin);
      const ticket = await records.createTicket(acme.admin, { title: `${marker} export`, contactIds: [contact.id] });
      const csv = await as(viewer).get(`/api/tickets?q=${marker}&format=csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const [header, line, extra] = csv.text.trim().split(/\r?\n/);
      expect(header).toBe(
        'id,organizationId,title,status,priority,customerId,assigneeId,contacts,tags,resolvedAt,closedAt,createdAt,updatedAt',
      );
      expect(line).toContain(ticket.id);
      expect(line).toContain(`${marker} export`);
      expect(line).toContain(contact.email ?? '');
      expect(extra).toBeUndefined();
    });
  });

  describe('POST /api/tickets/:id/contacts', () => {
    let ada: ContactRecord;
    let bob: ContactRecord;
    let carol: ContactRecord;
    let dormant: ContactRecord;

    beforeAll(async () => {
      ada = await records.createContact(acme.admin, { email: `ada-${unique()}@example.test` });
      bob = await records.createContact(acme.admin);
      carol = await records.createContact(acme.admin);
      dormant = await records.createContact(acme.admin, { isActive: false });
    });

    it('adds by e-mail in any case and by id, reports unknown e-mails and inactive contacts, records the change', async () => {
      const ticket = await records.createTicket(acme.admin);
      const outcome = await linkContacts(ticket.id, {
        add: [(ada.email ?? '').toUpperCase(), bob.id, 'nobody@example.test', dormant.id],
      });
      expect(outcome.linked.map((contact) => contact.id).sort()).toEqual([ada.id, bob.id].sort());
      expect(outcome.inactive.map((contact) => contact.id)).toEqual([dormant.id]);
      expect(outcome.unknownEmails).toEqual(['nobody@example.test']);
      expect(outcome.ticket.contacts.map((contact) => contact.id).sort()).toEqual([ada.id, bob.id].sort());
      expect(outcome.ticket.contacts.find((contact) => contact.id === ada.id)).toEqual({
        id: ada.id,
        name: ada.name,
        email: ada.email,
      });
      expect((await links(ticket.id)).map((link) => link.contact_id).sort()).toEqual([ada.id, bob.id].sort());
      expect(await links(ticket.id)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ tenant_id: acme.tenantId, organization_id: acme.organizationId }),
        ]),
      );
      const again = await linkContacts(ticket.id, { add: [bob.id] });
      expect(again.alreadyLinked.map((contact) => contact.id)).toEqual([bob.id]);
      expect(again.linked).toEqual([]);
      expect(await events(ticket.id)).toEqual(['ticket.created', 'ticket.contacts_changed']);
      const [changed] = await t.db.query(
        `SELECT data, previous FROM outbox_event WHERE entity_id = $1 AND type = 'ticket.contacts_changed'`,
        [ticket.id],
      );
      expect(changed.previous.contactIds).toEqual([]);
      expect([...changed.data.contactIds].sort()).toEqual([ada.id, bob.id].sort());
      expect(JSON.stringify(changed.data)).not.toContain(ada.email ?? '@');
    });

    it('removes by e-mail case-insensitively and reports what was not linked', async () => {
      const ticket = await records.createTicket(acme.admin, { contactIds: [ada.id, bob.id] });
      const outcome = await linkContacts(ticket.id, { remove: [(ada.email ?? '').toUpperCase(), carol.id] });
      expect(outcome.removed.map((contact) => contact.id)).toEqual([ada.id]);
      expect(outcome.notLinked.map((contact) => contact.id)).toEqual([carol.id]);
      expect((await links(ticket.id)).map((link) => link.contact_id)).toEqual([bob.id]);
    });

    it('replace sets the list, keeps an inactive contact already linked, and [] clears it', async () => {
      const ticket = await records.createTicket(acme.admin, { contactIds: [ada.id] });
      await t.db.query(
        `INSERT INTO ticket_contact (tenant_id, organization_id, ticket_id, contact_id) VALUES ($1, $2, $3, $4)`,
        [acme.tenantId, acme.organizationId, ticket.id, dormant.id],
      );
      const replaced = await linkContacts(ticket.id, { replace: [bob.id, carol.email, dormant.id] });
      expect(replaced.removed.map((contact) => contact.id)).toEqual([ada.id]);
      expect(replaced.linked.map((contact) => contact.id).sort()).toEqual([bob.id, carol.id].sort());
      expect(replaced.alreadyLinked.map((contact) => contact.id)).toEqual([dormant.id]);
      const cleared = await linkContacts(ticket.id, { replace: [] });
      expect(cleared.ticket.contacts).toEqual([]);
      expect(await links(ticket.id)).toEqual([]);
    });

    it('400: more than 6 per list, replace with add/remove, nothing asked, an entry that is neither id nor e-mail', async () => {
      const ticket = await records.createTicket(acme.admin, { contactIds: [ada.id] });
      const url = `/api/tickets/${ticket.id}/contacts`;
      const seven = Array.from({ length: 7 }, (_, index) => `p${index}@example.test`);
      const tooMany = await as(acme.admin).post(url, { add: seven });
      expectProblem(tooMany, 400, 'VALIDATION_FAILED', ['add']);
      expect(JSON.stringify(tooMany.body)).toContain('You can only add up to 6 contacts at one time');
      expectProblem(await as(acme.admin).post(url, { remove: seven }), 400, 'VALIDATION_FAILED', ['remove']);
      expectProblem(await as(acme.admin).post(url, { replace: [], add: [bob.id] }), 400, 'REPLACE_NOT_COMBINABLE', [
        'replace',
      ]);
      expectProblem(await as(acme.admin).post(url, {}), 400, 'NOTHING_TO_CHANGE', ['add']);
      expectProblem(await as(acme.admin).post(url, { add: ['not an address'] }), 400, 'VALIDATION_FAILED', ['add']);
      expectProblem(await as(acme.admin).post(url, { add: 'x@y.z' }), 400, 'VALIDATION_FAILED', ['add']);
      expect((await links(ticket.id)).map((link) => link.contact_id)).toEqual([ada.id]);
    });

    it("404 naming the field for another tenant's or organization's contact id; their e-mails are unknown here", async () => {
      const ticket = await records.createTicket(acme.admin);
      const foreign = await records.createContact(globex.admin);
      const branch = await records.createContact(acme.admin, {}, branchId);
      const url = `/api/tickets/${ticket.id}/contacts`;
      expectProblem(await as(acme.admin).post(url, { add: [foreign.id] }), 404, 'CONTACT_NOT_FOUND', ['add']);
      expectProblem(await as(acme.admin).post(url, { add: [bob.id, branch.id] }), 404, 'CONTACT_NOT_FOUND', ['add']);
      expectProblem(await as(acme.admin).post(url, { replace: [foreign.id] }), 404, 'CONTACT_NOT_FOUND', ['replace']);
      const byEmail = await linkContacts(ticket.id, { add: [foreign.email ?? ''] });
      expect(byEmail.linked).toEqual([]);
      expect(byEmail.unknownEmails).toEqual([foreign.email]);
      expect(await links(ticket.id)).toEqual([]);
      expectProblem(await as(globex.admin).post(url, { add: [foreign.id] }), 404, 'TICKET_NOT_FOUND');
    });

    it('VIEWER reads but cannot link (403); an AGENT links on a ticket not assigned to it', async () => {
      const ticket = await records.createTicket(acme.admin);
      expectProblem(await as(viewer).post(`/api/tickets/${ticket.id}/contacts`, { add: [ada.id] }), 403, 'FORBIDDEN');
      expectProblem(await as(guest).post(`/api/tickets/${ticket.id}/contacts`, { add: [ada.id] }), 403, 'FORBIDDEN');
      const outcome = await linkContacts(ticket.id, { add: [ada.id] }, agent);
      expect(outcome.linked.map((contact) => contact.id)).toEqual([ada.id]);
    });
  });

  describe('comments', () => {
    it('anyone working tickets comments; only the author changes or deletes; events recorded', async () => {
      const ticket = await records.createTicket(acme.admin);
      const url = `/api/tickets/${ticket.id}/comments`;
      const created = await as(agent).post(url, { body: '  Rebooted the printer ' });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body).toMatchObject({
        comment: { ticketId: ticket.id, authorId: agent.userId, body: 'Rebooted the printer' },
        quickActions: [],
      });
      const commentId = created.body.comment.id as string;
      const [stored] = await t.db.query(
        `SELECT tenant_id, organization_id, ticket_id, author_id, body FROM ticket_comment WHERE id = $1`,
        [commentId],
      );
      expect(stored).toEqual({
        tenant_id: acme.tenantId,
        organization_id: acme.organizationId,
        ticket_id: ticket.id,
        author_id: agent.userId,
        body: 'Rebooted the printer',
      });
      const list = await as(viewer).get(url);
      expect(list.status).toBe(200);
      expect(list.body).toMatchObject({ total: 1, items: [{ id: commentId, body: 'Rebooted the printer' }] });

      expectProblem(await as(acme.admin).patch(`${url}/${commentId}`, { body: 'admin edit' }), 403, 'FORBIDDEN');
      expectProblem(await as(acme.admin).delete(`${url}/${commentId}`), 403, 'FORBIDDEN');
      const edited = await as(agent).patch(`${url}/${commentId}`, { body: 'Replaced the toner' });
      expect(edited.body).toMatchObject({ body: 'Replaced the toner', version: 2 });
      expect((await as(agent).delete(`${url}/${commentId}`)).status).toBe(204);
      expect((await as(viewer).get(url)).body).toMatchObject({ total: 0, items: [] });
      expect(await events(commentId)).toEqual([
        'ticket_comment.created',
        'ticket_comment.updated',
        'ticket_comment.deleted',
      ]);
    });

    it('400 for an empty body, 403 for a VIEWER, 404 across tenants and for a comment of another ticket', async () => {
      const ticket = await records.createTicket(acme.admin);
      const other = await records.createTicket(acme.admin);
      const url = `/api/tickets/${ticket.id}/comments`;
      expectProblem(await as(acme.admin).post(url, { body: '   ' }), 400, 'VALIDATION_FAILED', ['body']);
      expectProblem(await as(viewer).post(url, { body: 'hi' }), 403, 'FORBIDDEN');
      expectProblem(await as(globex.admin).post(url, { body: 'hi' }), 404, 'TICKET_NOT_FOUND');
      expectProblem(await as(globex.admin).get(url), 404, 'TICKET_NOT_FOUND');
      const comment = await as(acme.admin).post(url, { body: 'mine' });
      expectProblem(
        await as(acme.admin).patch(`/api/tickets/${other.id}/comments/${comment.body.comment.id}`, { body: 'moved?' }),
        404,
        'TICKET_COMMENT_NOT_FOUND',
      );
      expectProblem(
        await as(globex.admin).delete(`${url}/${comment.body.comment.id}`),
        404,
        'TICKET_COMMENT_NOT_FOUND',
      );
    });
  });

  describe('POST /api/service-desk/inbound', () => {
    it('opens a ticket linking the sender and every CC that is an active contact, past the cap of 6, reporting the rest', async () => {
      const company = await records.createCustomer(acme.admin);
      const sender = await records.createContact(acme.admin, { customerId: company.id });
      const known = [
        await records.createContact(acme.admin),
        await records.createContact(acme.admin),
        await records.createContact(acme.admin),
        await records.createContact(acme.admin),
        await records.createContact(acme.admin),
      ];
      const inactive = await records.createContact(acme.admin, { isActive: false });
      const foreign = await records.createContact(globex.admin);
      const key = await createApiKey(t.http, acme.admin, {
        grants: ['ORG_TICKET_EDIT'],
        organizationIds: [acme.organizationId],
      });
      const response = await t.http
        .post('/api/service-desk/inbound')
        .set(bearer(key.secret))
        .send({
          from: (sender.email ?? '').toUpperCase(),
          cc: [...known.map((contact) => contact.email), inactive.email, foreign.email, 'stranger@example.test'],
          subject: '  Outage   on site ',
          body: 'Nothing works.',
        });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      const linkedIds = [sender.id, ...known.map((contact) => contact.id)].sort();
      expect(response.body.linked.map((contact: { id: string }) => contact.id).sort()).toEqual(linkedIds);
      expect(response.body.skipped).toEqual([
        { email: inactive.email, reason: 'INACTIVE' },
        { email: foreign.email, reason: 'UNKNOWN' },
        { email: 'stranger@example.test', reason: 'UNKNOWN' },
      ]);
      expect(response.body.ticket).toMatchObject({
        organizationId: acme.organizationId,
        title: 'Outage on site',
        description: 'Nothing works.',
        status: 'OPEN',
        assigneeId: null,
        customerId: company.id,
      });
      const ticketId = response.body.ticket.id as string;
      expect((await links(ticketId)).map((link) => link.contact_id).sort()).toEqual(linkedIds);
      expect(await events(ticketId)).toEqual(['ticket.created']);
    });

    it('is idempotent on messageId: the same message twice, or twice at once, opens one ticket', async () => {
      const sender = await records.createContact(acme.admin);
      const messageId = `<${unique()}@mail.example.test>`;
      const mail = { from: sender.email, subject: 'Once only', messageId };
      const [first, second] = await Promise.all([
        as(acme.admin).post('/api/service-desk/inbound', mail),
        as(acme.admin).post('/api/service-desk/inbound', mail),
      ]);
      expect([first.status, second.status]).toEqual([201, 201]);
      expect(first.body.ticket.id).toBe(second.body.ticket.id);
      expect([first.body.duplicate, second.body.duplicate].sort()).toEqual([false, true]);
      const again = await as(acme.admin).post('/api/service-desk/inbound', mail);
      expect(again.body).toMatchObject({ duplicate: true, linked: [], ticket: { id: first.body.ticket.id } });
      const stored: Array<{ id: string }> = await t.db.query(`SELECT id FROM ticket WHERE inbound_message_id = $1`, [
        messageId,
      ]);
      expect(stored).toEqual([{ id: first.body.ticket.id }]);
      expect(await events(first.body.ticket.id)).toEqual(['ticket.created']);
      expect((await links(first.body.ticket.id)).map((link) => link.contact_id)).toEqual([sender.id]);
      // The same message id in another organization is another message.
      const elsewhere = await as(globex.admin).post('/api/service-desk/inbound', mail);
      expect(elsewhere.body).toMatchObject({ duplicate: false, linked: [] });
      // A deleted ticket is not opened again by its message.
      expect((await as(acme.admin).delete(`/api/tickets/${first.body.ticket.id}`)).status).toBe(204);
      expectProblem(await as(acme.admin).post('/api/service-desk/inbound', mail), 404, 'TICKET_NOT_FOUND', [
        'messageId',
      ]);
    });

    it('400 for a bad address, 403 without ORG_TICKET_EDIT, 404 for a foreign organizationId', async () => {
      const url = '/api/service-desk/inbound';
      expectProblem(await as(acme.admin).post(url, { from: 'not-an-address' }), 400, 'VALIDATION_FAILED', ['from']);
      expectProblem(
        await as(acme.admin).post(url, { from: 'a@example.test', cc: ['nope'] }),
        400,
        'VALIDATION_FAILED',
        ['cc'],
      );
      expectProblem(await as(agent).post(url, { from: 'a@example.test' }), 403, 'FORBIDDEN');
      expectProblem(await as(viewer).post(url, { from: 'a@example.test' }), 403, 'FORBIDDEN');
      const foreignOrg = await as(acme.admin).post(url, {
        from: 'a@example.test',
        organizationId: globex.organizationId,
      });
      expect(foreignOrg.status).toBe(404);
      const empty = await as(manager).post(url, { from: 'Nobody@Example.test' });
      expect(empty.status).toBe(201);
      expect(empty.body).toMatchObject({
        ticket: { title: '(no subject)', description: null, contacts: [] },
        linked: [],
        skipped: [{ email: 'nobody@example.test', reason: 'UNKNOWN' }],
      });
    });
  });

  describe('views', () => {
    it("a contact's and a customer's tickets, the contact detail's history and the customer's openTicketCount", async () => {
      const customer = await records.createCustomer(acme.admin);
      const contact = await records.createContact(acme.admin);
      const open = await records.createTicket(acme.admin, { customerId: customer.id, contactIds: [contact.id] });
      const pending = await records.createTicket(acme.admin, { customerId: customer.id });
      await as(acme.admin).patch(`/api/tickets/${pending.id}`, { status: 'PENDING' });
      const resolved = await records.createTicket(acme.admin, { customerId: customer.id, contactIds: [contact.id] });
      await as(acme.admin).patch(`/api/tickets/${resolved.id}`, { status: 'RESOLVED' });

      const contactTickets = await as(viewer).get(`/api/crm/contacts/${contact.id}/tickets`);
      expect(contactTickets.status, JSON.stringify(contactTickets.body)).toBe(200);
      expect(contactTickets.body.total).toBe(2);
      expect(contactTickets.body.items.map((item: { id: string }) => item.id)).toEqual([resolved.id, open.id]);
      const customerOpen = await as(viewer).get(`/api/crm/customers/${customer.id}/tickets?status=OPEN`);
      expect(customerOpen.body.items.map((item: { id: string }) => item.id)).toEqual([open.id]);
      expect((await as(viewer).get(`/api/crm/customers/${customer.id}/tickets`)).body.total).toBe(3);

      const detail = await as(viewer).get(`/api/crm/contacts/${contact.id}`);
      expect(detail.status).toBe(200);
      expect(detail.body.tickets.map((item: { id: string }) => item.id)).toEqual([resolved.id, open.id]);
      expect(detail.body.tickets[0]).toMatchObject({ status: 'RESOLVED', contacts: [{ id: contact.id }] });

      const customerRead = await as(viewer).get(`/api/crm/customers/${customer.id}`);
      expect(customerRead.body.openTicketCount).toBe(2);
      const customerList = await as(viewer).get(`/api/crm/customers?q=${encodeURIComponent(customer.name)}`);
      expect(customerList.body.items[0]).toMatchObject({ id: customer.id, openTicketCount: 2 });

      const foreignContact = await records.createContact(globex.admin);
      expectProblem(
        await as(acme.admin).get(`/api/crm/contacts/${foreignContact.id}/tickets`),
        404,
        'CONTACT_NOT_FOUND',
      );
      expectProblem(await as(globex.admin).get(`/api/crm/customers/${customer.id}/tickets`), 404, 'CUSTOMER_NOT_FOUND');
      expectProblem(await as(guest).get(`/api/crm/contacts/${contact.id}/tickets`), 403, 'FORBIDDEN');
      expectProblem(
        await as(viewer).get(`/api/crm/contacts/${contact.id}/tickets?priority=MEH`),
        400,
        'VALIDATION_FAILED',
        ['priority'],
      );
    });

    it("a deleted customer's tickets stay, without the customer", async () => {
      const customer = await records.createCustomer(acme.admin);
      const ticket = await records.createTicket(acme.admin, { customerId: customer.id });
      expect((await as(acme.admin).delete(`/api/crm/customers/${customer.id}`)).status).toBe(204);
      expect((await as(acme.admin).get(`/api/tickets/${ticket.id}`)).body.customerId).toBeNull();
      expect(await events(ticket.id)).toEqual(['ticket.created', 'ticket.updated']);
    });
  });
});
