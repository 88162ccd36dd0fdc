import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Permission } from '@clientele/core';
import { TimelineSources } from '@clientele/crm/timeline';
import {
  createCrmWorld,
  createTestApp,
  crmRecords,
  type CrmRecords,
  expectProblem,
  readAsSession,
  type Session,
  type TenantFixture,
  type TestApp,
  type MemberRequests,
  requestsIn,
} from '@clientele/testing';

interface NoteBody {
  id: string;
  organizationId: string;
  body: string;
  authorId: string | null;
  contactId: string | null;
  customerId: string | null;
  dealId: string | null;
  version: number;
}

describe('notes', () => {
  let t: TestApp;
  let acme: TenantFixture;
  let globex: TenantFixture;
  let viewer: Session;
  let agent: Session;
  let manager: Session;
  let guest: Session;
  let branchId: string;
  let records: CrmRecords;
  let contactId: string;

  const as = (session: Session, organizationId?: string): MemberRequests =>
    requestsIn(t.http, { acme, globex }, session, organizationId);

  beforeAll(async () => {
    t = await createTestApp();
    const world = await createCrmWorld(t.http);
    ({ acme, globex, viewer, agent, manager, guest, branchId } = world);
    records = crmRecords(t.http, world);
    contactId = (await records.createContact(acme.admin)).id;
  });
  afterAll(async () => {
    await t.close();
  });

  async function createNote(body: object, session: Session = acme.admin, organizationId?: string): Promise<NoteBody> {
    const response = await as(session, organizationId).post('/api/notes', { body: 'A note', ...body });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as NoteBody;
  }

  async function createDeal(session: Session = acme.admin, organizationId?: string): Promise<string> {
    const response = await as(session, organizationId).post('/api/deals', { title: 'Deal for notes' });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.id as string;
  }

  async function row(id: string): Promise<Record<string, unknown>> {
    const [stored] = await t.db.query(
      `SELECT tenant_id, organization_id, body, author_id, contact_id, customer_id, deal_id, deleted_at FROM note WHERE id = $1`,
      [id],
    );
    return stored as Record<string, unknown>;
  }

  async function events(entityId: string): Promise<string[]> {
    const rows: Array<{ type: string }> = await t.db.query(
      `SELECT type FROM outbox_event WHERE entity_id = $1 ORDER BY position`,
      [entityId],
    );
    return rows.map((each) => each.type);
  }

  async function noteCount(): Promise<number> {
    const rows: Array<{ n: number }> = await t.db.query(`SELECT count(*)::int AS n FROM note`);
    return rows[0]?.n ?? 0;
  }

  describe('POST /api/notes', () => {
    it('writes a Markdown note on a contact, a customer or a deal, by its author', async () => {
      const markdown = '# Call\n\n- budget **approved**\n- next: demo';
      const onContact = await createNote({ body: markdown, contactId });
      expect(onContact).toMatchObject({
        organizationId: acme.organizationId,
        body: markdown,
        authorId: acme.admin.userId,
        contactId,
        customerId: null,
        dealId: null,
        version: 1,
      });
      expect(await row(onContact.id)).toMatchObject({
        tenant_id: acme.tenantId,
        organization_id: acme.organizationId,
        body: markdown,
        author_id: acme.admin.userId,
        contact_id: contactId,
        customer_id: null,
        deal_id: null,
      });
      expect(await events(onContact.id)).toEqual(['note.created']);
      const [audit] = await t.db.query(`SELECT action, after->>'body' AS body FROM audit_entry WHERE entity_id = $1`, [
        onContact.id,
      ]);
      expect(audit).toEqual({ action: 'note.created', body: markdown });

      const customer = await records.createCustomer(acme.admin);
      expect(await createNote({ customerId: customer.id })).toMatchObject({ customerId: customer.id, contactId: null });
      const dealId = await createDeal();
      expect(await createNote({ dealId }, agent)).toMatchObject({ dealId, authorId: agent.userId });
    });

    it('takes 64 KB of UTF-8 and refuses more, an empty text, no subject or two (400 naming the field), writing nothing', async () => {
      const full = await createNote({ contactId, body: 'x'.repeat(65_536) });
      expect((await row(full.id)).body).toHaveLength(65_536);
      const before = await noteCount();
      const post = (body: object) => as(acme.admin).post('/api/notes', body);
      expectProblem(await post({ contactId, body: 'x'.repeat(65_537) }), 400, 'VALIDATION_FAILED', ['body']);
      expectProblem(await post({ contactId, body: 'é'.repeat(40_000) }), 400, 'VALIDATION_FAILED', ['body']);
      expectProblem(await post({ contactId, body: '   ' }), 400, 'VALIDATION_FAILED', ['body']);
      expectProblem(await post({ contactId }), 400, 'VALIDATION_FAILED', ['body']);
      expectProblem(await post({ body: 'orphan' }), 400, 'VALIDATION_FAILED', ['contactId']);
      const dealId = await createDeal();
      expectProblem(await post({ body: 'two', contactId, dealId }), 400, 'VALIDATION_FAILED', ['dealId']);
      expectProblem(await post({ body: 'bad', contactId: 'nope' }), 400, 'VALIDATION_FAILED', ['contactId']);
      expectProblem(await post({ body: 'x', contactId, ticketId: contactId }), 400, 'VALIDATION_FAILED');
      expect(await noteCount()).toBe(before);
    });

    it('answers 404 naming the field for another tenant’s or organization’s subject, writing nothing', async () => {
      const globexContact = await records.createContact(globex.admin);
      const globexCustomer = await records.createCustomer(globex.admin);
      const globexDeal = await createDeal(globex.admin);
      const branchContact = await records.createContact(acme.admin, {}, branchId);
      const branchDeal = await createDeal(acme.admin, branchId);
      const before = await noteCount();
      const post = (body: object) => as(acme.admin).post('/api/notes', { body: 'x', ...body });
      expectProblem(await post({ contactId: globexContact.id }), 404, 'CONTACT_NOT_FOUND', ['contactId']);
      expectProblem(await post({ contactId: branchContact.id }), 404, 'CONTACT_NOT_FOUND', ['contactId']);
      expectProblem(await post({ customerId: globexCustomer.id }), 404, 'CUSTOMER_NOT_FOUND', ['customerId']);
      expectProblem(await post({ dealId: globexDeal }), 404, 'DEAL_NOT_FOUND', ['dealId']);
      expectProblem(await post({ dealId: branchDeal }), 404, 'DEAL_NOT_FOUND', ['dealId']);
      expect(await noteCount()).toBe(before);
    });

    it('needs an activity edit grant: a VIEWER or GUEST cannot write', async () => {
      expectProblem(await as(viewer).post('/api/notes', { body: 'x', contactId }), 403, 'FORBIDDEN');
      expectProblem(await as(guest).post('/api/notes', { body: 'x', contactId }), 403, 'FORBIDDEN');
    });
  });

  describe('GET /api/notes', () => {
    it('lists notes by subject, newest first, for ORG_ACTIVITY_VIEW', async () => {
      const customer = await records.createCustomer(acme.admin);
      const first = await createNote({ customerId: customer.id, body: 'first' });
      const second = await createNote({ customerId: customer.id, body: 'second' }, manager);
      const response = await as(viewer).get(`/api/notes?customerId=${customer.id}`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ total: 2, items: [{ id: second.id }, { id: first.id }] });
      const byAuthor = await as(viewer).get(`/api/notes?customerId=${customer.id}&authorId=${manager.userId}`);
      expect(byAuthor.body.items).toMatchObject([{ id: second.id, body: 'second' }]);
      expectProblem(await as(viewer).get('/api/notes?dealId=x'), 400, 'VALIDATION_FAILED', ['dealId']);
      expectProblem(await as(guest).get('/api/notes'), 403, 'FORBIDDEN');
    });

    it('never shows another tenant’s or organization’s notes', async () => {
      const theirs = await createNote({ contactId: (await records.createContact(globex.admin)).id }, globex.admin);
      const branch = await createNote(
        { contactId: (await records.createContact(acme.admin, {}, branchId)).id },
        acme.admin,
        branchId,
      );
      const listed = ((await as(manager).get('/api/notes?limit=100')).body.items as NoteBody[]).map((note) => note.id);
      expect(listed).not.toContain(theirs.id);
      expect(listed).not.toContain(branch.id);
      expectProblem(await as(acme.admin).get(`/api/notes/${theirs.id}`), 404, 'NOTE_NOT_FOUND');
      expectProblem(await as(manager).get(`/api/notes/${branch.id}`), 404, 'NOTE_NOT_FOUND');
      expectProblem(await as(manager).patch(`/api/notes/${branch.id}`, { body: 'M' }), 404, 'NOTE_NOT_FOUND');
      expectProblem(await as(manager).delete(`/api/notes/${branch.id}`), 404, 'NOTE_NOT_FOUND');
      expectProblem(await as(acme.admin).delete(`/api/notes/${theirs.id}`), 404, 'NOTE_NOT_FOUND');
    });
  });

  describe('PATCH and DELETE /api/notes/:id', () => {
    it('lets the author change the text (not the subject) and records before and after', async () => {
      const note = await createNote({ contactId, body: 'draft' }, agent);
      const response = await as(agent).patch(`/api/notes/${note.id}`, { body: 'final' });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body).toMatchObject({ id: note.id, body: 'final', contactId, version: 2 });
      expect(await row(note.id)).toMatchObject({ body: 'final', contact_id: contactId });
      const [audit] = await t.db.query(
        `SELECT before->>'body' AS before, after->>'body' AS after FROM audit_entry WHERE entity_id = $1 AND action = 'note.updated'`,
        [note.id],
      );
      expect(audit).toEqual({ before: 'draft', after: 'final' });
      expectProblem(
        await as(agent).patch(`/api/notes/${note.id}`, { body: 'x', dealId: note.id }),
        400,
        'VALIDATION_FAILED',
      );
      expectProblem(await as(agent).patch(`/api/notes/${note.id}`, { body: '' }), 400, 'VALIDATION_FAILED', ['body']);
      expect((await row(note.id)).body).toBe('final');
    });

    it('lets others change or delete a note only with ORG_ACTIVITY_EDIT (or ALL_ORG_EDIT)', async () => {
      const byAdmin = await createNote({ contactId, body: 'admin wrote' });
      expectProblem(await as(agent).patch(`/api/notes/${byAdmin.id}`, { body: 'agent edit' }), 403, 'FORBIDDEN');
      expectProblem(await as(agent).delete(`/api/notes/${byAdmin.id}`), 403, 'FORBIDDEN');
      expectProblem(await as(viewer).patch(`/api/notes/${byAdmin.id}`, { body: 'viewer edit' }), 403, 'FORBIDDEN');
      expect((await row(byAdmin.id)).body).toBe('admin wrote');
      const byAgent = await createNote({ contactId, body: 'agent wrote' }, agent);
      expect((await as(manager).patch(`/api/notes/${byAgent.id}`, { body: 'manager edit' })).status).toBe(200);
      expect((await as(manager).delete(`/api/notes/${byAgent.id}`)).status).toBe(204);
    });

    it('lets the author delete their own note: softly, note.deleted recorded', async () => {
      const note = await createNote({ contactId }, agent);
      expect((await as(agent).delete(`/api/notes/${note.id}`)).status).toBe(204);
      expectProblem(await as(agent).get(`/api/notes/${note.id}`), 404, 'NOTE_NOT_FOUND');
      expect((await row(note.id)).deleted_at).not.toBeNull();
      expect(await events(note.id)).toEqual(['note.created', 'note.deleted']);
    });
  });

  describe('contact detail and timeline source', () => {
    it('shows the contact’s notes on its detail, newest first', async () => {
      const contact = await records.createContact(acme.admin);
      const older = await createNote({ contactId: contact.id, body: 'older' });
      const newer = await createNote({ contactId: contact.id, body: 'newer' });
      const detail = await as(viewer).get(`/api/crm/contacts/${contact.id}`);
      expect(detail.status).toBe(200);
      expect(detail.body.notes).toMatchObject([
        { id: newer.id, body: 'newer' },
        { id: older.id, body: 'older' },
      ]);
    });

    it('loads a deal’s notes after a position of its own or of another source, in the actor’s scope', async () => {
      const source = TimelineSources.get('notes');
      const dealId = await createDeal();
      const a = await createNote({ dealId, body: '## Heading\nrest' });
      const b = await createNote({ dealId, body: 'second' });
      const subject = { entity: 'deal', id: dealId, organizationId: acme.organizationId } as const;
      const view = [Permission.ORG_DEAL_VIEW];
      const items = await readAsSession(t.app, acme.admin, view, (reader) => source.load(reader, subject, null, 10));
      expect(items.map((item) => [item.id, item.title])).toEqual([
        [b.id, 'second'],
        [a.id, 'Heading'],
      ]);
      const [first] = items;
      if (first === undefined) throw new Error('no item');
      const own = { occurredAt: first.occurredAt, source: 'notes', id: first.id };
      expect(
        (await readAsSession(t.app, acme.admin, view, (r) => source.load(r, subject, own, 10))).map((i) => i.id),
      ).toEqual([a.id]);
      // At the same instant, a source sorting after "notes" came first: every note of that instant is still to come.
      const later = { occurredAt: first.occurredAt, source: 'tickets', id: first.id };
      expect(
        (await readAsSession(t.app, acme.admin, view, (r) => source.load(r, subject, later, 10))).map((i) => i.id),
      ).toEqual([b.id, a.id]);
      // A source sorting before "notes" came after it: the notes of that instant were shown.
      const earlier = { occurredAt: first.occurredAt, source: 'activities', id: first.id };
      expect(
        (await readAsSession(t.app, acme.admin, view, (r) => source.load(r, subject, earlier, 10))).map((i) => i.id),
      ).toEqual([a.id]);
      expect(await readAsSession(t.app, guest, view, (r) => source.load(r, subject, null, 10))).toEqual([]);
    });
  });
});
