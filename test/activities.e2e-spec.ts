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
  unique,
  type MemberRequests,
  requestsIn,
} from '@clientele/testing';

interface ActivityBody {
  id: string;
  organizationId: string;
  type: string;
  subject: string;
  body: string | null;
  dueAt: string | null;
  completedAt: string | null;
  state: 'open' | 'overdue' | 'completed';
  ownerId: string | null;
  contactIds: string[];
  dealId: string | null;
  customerId: string | null;
  version: number;
}

const HOUR_MS = 3_600_000;
/** The grants a customer timeline route declares. */
const VIEW = [Permission.ORG_CUSTOMER_VIEW];

describe('activities', () => {
  let t: TestApp;
  let acme: TenantFixture;
  let globex: TenantFixture;
  let viewer: Session;
  let agent: Session;
  let manager: Session;
  let guest: Session;
  let branchId: string;
  let records: CrmRecords;

  const as = (session: Session, organizationId?: string): MemberRequests =>
    requestsIn(t.http, { acme, globex }, session, organizationId);

  beforeAll(async () => {
    t = await createTestApp();
    const world = await createCrmWorld(t.http);
    ({ acme, globex, viewer, agent, manager, guest, branchId } = world);
    records = crmRecords(t.http, world);
  });
  afterAll(async () => {
    await t.close();
  });

  async function createActivity(body: object = {}, session: Session = acme.admin): Promise<ActivityBody> {
    const response = await as(session).post('/api/activities', { type: 'CALL', subject: `Call ${unique()}`, ...body });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as ActivityBody;
  }

  async function createDeal(session: Session = acme.admin, organizationId?: string): Promise<string> {
    const response = await as(session, organizationId).post('/api/deals', { title: `Deal ${unique()}` });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.id as string;
  }

  async function row(id: string): Promise<Record<string, unknown>> {
    const [stored] = await t.db.query(
      `SELECT tenant_id, organization_id, type, subject, body, due_at, completed_at, owner_id, deal_id, customer_id, deleted_at,
              (SELECT array_agg(contact_id ORDER BY contact_id) FROM activity_contact WHERE activity_id = activity.id) AS contact_ids,
              (SELECT array_agg(DISTINCT (tenant_id, organization_id)::text) FROM activity_contact WHERE activity_id = activity.id) AS link_scopes
         FROM activity WHERE id = $1`,
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

  describe('POST /api/activities', () => {
    it('creates an activity with contacts, a deal and a customer, owned by its creator', async () => {
      const [first, second] = [await records.createContact(acme.admin), await records.createContact(acme.admin)];
      const customer = await records.createCustomer(acme.admin);
      const dealId = await createDeal();
      const dueAt = new Date(Date.now() + 24 * HOUR_MS).toISOString();
      const activity = await createActivity({
        type: 'MEETING',
        subject: '  Kick-off  ',
        body: 'Agenda: **scope**',
        dueAt,
        contactIds: [first.id, second.id.toUpperCase(), first.id],
        dealId,
        customerId: customer.id,
      });
      expect(activity).toMatchObject({
        organizationId: acme.organizationId,
        type: 'MEETING',
        subject: 'Kick-off',
        body: 'Agenda: **scope**',
        dueAt,
        completedAt: null,
        state: 'open',
        ownerId: acme.admin.userId,
        contactIds: [first.id, second.id].sort(),
        dealId,
        customerId: customer.id,
        version: 1,
      });
      expect(await row(activity.id)).toMatchObject({
        tenant_id: acme.tenantId,
        organization_id: acme.organizationId,
        type: 'MEETING',
        subject: 'Kick-off',
        owner_id: acme.admin.userId,
        deal_id: dealId,
        customer_id: customer.id,
        completed_at: null,
        contact_ids: [first.id, second.id].sort(),
        link_scopes: [`(${acme.tenantId},${acme.organizationId})`],
      });
      expect(await events(activity.id)).toEqual(['activity.created']);
      const [audit] = await t.db.query(
        `SELECT action, after->>'subject' AS subject, after->'contactIds' AS contact_ids FROM audit_entry WHERE entity_id = $1`,
        [activity.id],
      );
      expect(audit).toEqual({
        action: 'activity.created',
        subject: 'Kick-off',
        contact_ids: [first.id, second.id].sort(),
      });
    });

    it('answers 400 naming the field for bad input, and writes nothing', async () => {
      const before = await t.db.query(`SELECT count(*)::int AS n FROM activity`);
      expectProblem(
        await as(acme.admin).post('/api/activities', { type: 'FAX', subject: 'x' }),
        400,
        'VALIDATION_FAILED',
        ['type'],
      );
      expectProblem(await as(acme.admin).post('/api/activities', { type: 'CALL' }), 400, 'VALIDATION_FAILED', [
        'subject',
      ]);
      expectProblem(
        await as(acme.admin).post('/api/activities', { type: 'CALL', subject: 'x', dueAt: 'tomorrow' }),
        400,
        'VALIDATION_FAILED',
        ['dueAt'],
      );
      expectProblem(
        await as(acme.admin).post('/api/activities', { type: 'CALL', subject: 'x', contactIds: ['nope'] }),
        400,
        'VALIDATION_FAILED',
        ['contactIds'],
      );
      expectProblem(
        await as(acme.admin).post('/api/activities', {
          type: 'CALL',
          subject: 'x',
          completedAt: new Date().toISOString(),
        }),
        400,
        'VALIDATION_FAILED',
      );
      expect(await t.db.query(`SELECT count(*)::int AS n FROM activity`)).toEqual(before);
    });

    it('answers 404 naming the field for another tenant’s or organization’s contact, deal, customer or owner, and writes nothing', async () => {
      const globexContact = await records.createContact(globex.admin);
      const globexCustomer = await records.createCustomer(globex.admin);
      const globexDeal = await createDeal(globex.admin);
      const branchContact = await records.createContact(acme.admin, {}, branchId);
      const branchDeal = await createDeal(acme.admin, branchId);
      const ownContact = await records.createContact(acme.admin);
      const before = await t.db.query(`SELECT count(*)::int AS n FROM activity`);
      const post = (body: object) => as(acme.admin).post('/api/activities', { type: 'TASK', subject: 'x', ...body });
      expectProblem(await post({ contactIds: [ownContact.id, globexContact.id] }), 404, 'CONTACT_NOT_FOUND', [
        'contactIds',
      ]);
      expectProblem(await post({ contactIds: [branchContact.id] }), 404, 'CONTACT_NOT_FOUND', ['contactIds']);
      expectProblem(await post({ dealId: globexDeal }), 404, 'DEAL_NOT_FOUND', ['dealId']);
      expectProblem(await post({ dealId: branchDeal }), 404, 'DEAL_NOT_FOUND', ['dealId']);
      expectProblem(await post({ customerId: globexCustomer.id }), 404, 'CUSTOMER_NOT_FOUND', ['customerId']);
      expectProblem(await post({ ownerId: globex.admin.userId }), 404, 'USER_NOT_FOUND', ['ownerId']);
      expect(await t.db.query(`SELECT count(*)::int AS n FROM activity`)).toEqual(before);
    });

    it('lets an AGENT create activities it owns only; a VIEWER or GUEST none', async () => {
      const own = await createActivity({}, agent);
      expect(own.ownerId).toBe(agent.userId);
      expectProblem(
        await as(agent).post('/api/activities', { type: 'CALL', subject: 'x', ownerId: manager.userId }),
        403,
        'FORBIDDEN',
      );
      expectProblem(await as(viewer).post('/api/activities', { type: 'CALL', subject: 'x' }), 403, 'FORBIDDEN');
      expectProblem(await as(guest).post('/api/activities', { type: 'CALL', subject: 'x' }), 403, 'FORBIDDEN');
    });
  });

  describe('GET /api/activities', () => {
    it('filters by type, owner, state, due range, contact, deal and customer, and pages like the other lists', async () => {
      const contact = await records.createContact(acme.admin);
      const customer = await records.createCustomer(acme.admin);
      const dealId = await createDeal();
      const past = new Date(Date.now() - 48 * HOUR_MS).toISOString();
      const future = new Date(Date.now() + 48 * HOUR_MS).toISOString();
      const overdue = await createActivity({ type: 'TASK', dueAt: past, contactIds: [contact.id] });
      const open = await createActivity({ type: 'EMAIL', dueAt: future, dealId, ownerId: manager.userId });
      const done = await createActivity({
        type: 'CALL',
        dueAt: past,
        customerId: customer.id,
        contactIds: [contact.id],
      });
      expect((await as(acme.admin).post(`/api/activities/${done.id}/complete`)).status).toBe(200);

      const ids = async (query: string): Promise<string[]> => {
        const response = await as(viewer).get(`/api/activities?limit=100&${query}`);
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        return (response.body.items as ActivityBody[]).map((item) => item.id);
      };
      expect(await ids(`contactId=${contact.id}`)).toEqual([done.id, overdue.id]);
      expect(await ids(`contactId=${contact.id}&state=overdue`)).toEqual([overdue.id]);
      expect(await ids(`contactId=${contact.id}&state=completed`)).toEqual([done.id]);
      expect(await ids(`dealId=${dealId}`)).toEqual([open.id]);
      expect(await ids(`dealId=${dealId}&state=open`)).toEqual([open.id]);
      expect(await ids(`customerId=${customer.id}&type=CALL`)).toEqual([done.id]);
      expect(await ids(`customerId=${customer.id}&type=TASK`)).toEqual([]);
      expect(await ids(`ownerId=${manager.userId}&dealId=${dealId}`)).toEqual([open.id]);
      const from = new Date(Date.now() + 24 * HOUR_MS).toISOString();
      expect(await ids(`dealId=${dealId}&dueFrom=${from}`)).toEqual([open.id]);
      expect(await ids(`dealId=${dealId}&dueTo=${from}`)).toEqual([]);

      const page = await as(viewer).get(`/api/activities?contactId=${contact.id}&limit=1`);
      expect(page.body).toMatchObject({ total: 2, items: [{ id: done.id, state: 'completed' }] });
      const next = await as(viewer).get(
        `/api/activities?contactId=${contact.id}&limit=1&cursor=${encodeURIComponent(page.body.nextCursor as string)}`,
      );
      expect(next.body.items).toMatchObject([{ id: overdue.id, state: 'overdue', contactIds: [contact.id] }]);
    });

    it('answers 400 for a bad filter and 403 without the grant', async () => {
      expectProblem(await as(viewer).get('/api/activities?state=late'), 400, 'VALIDATION_FAILED', ['state']);
      expectProblem(await as(viewer).get('/api/activities?contactId=x'), 400, 'VALIDATION_FAILED', ['contactId']);
      expectProblem(await as(viewer).get('/api/activities?sort=dueAt'), 400, 'VALIDATION_FAILED', ['sort']);
      expectProblem(await as(guest).get('/api/activities'), 403, 'FORBIDDEN');
    });

    it('never lists another tenant’s or organization’s activities', async () => {
      const theirs = await createActivity({}, globex.admin);
      const branch = await as(acme.admin, branchId).post('/api/activities', { type: 'CALL', subject: 'Branch call' });
      expect(branch.status).toBe(201);
      const listed = await as(manager).get('/api/activities?limit=100');
      const listedIds = (listed.body.items as ActivityBody[]).map((item) => item.id);
      expect(listedIds).not.toContain(theirs.id);
      expect(listedIds).not.toContain(branch.body.id);
    });
  });

  describe('GET/PATCH/DELETE /api/activities/:id', () => {
    it('reads one; another tenant’s or a non-member organization’s is a 404', async () => {
      const activity = await createActivity();
      expect((await as(viewer).get(`/api/activities/${activity.id}`)).body).toMatchObject({ id: activity.id });
      expectProblem(await as(guest).get(`/api/activities/${activity.id}`), 403, 'FORBIDDEN');
      expectProblem(await as(globex.admin).get(`/api/activities/${activity.id}`), 404, 'ACTIVITY_NOT_FOUND');
      const branch = await as(acme.admin, branchId).post('/api/activities', { type: 'CALL', subject: 'Branch' });
      expectProblem(await as(manager).get(`/api/activities/${branch.body.id as string}`), 404, 'ACTIVITY_NOT_FOUND');
      expectProblem(
        await as(manager).patch(`/api/activities/${branch.body.id as string}`, { subject: 'M' }),
        404,
        'ACTIVITY_NOT_FOUND',
      );
      expectProblem(await as(manager).delete(`/api/activities/${branch.body.id as string}`), 404, 'ACTIVITY_NOT_FOUND');
      expectProblem(await as(globex.admin).post(`/api/activities/${activity.id}/complete`), 404, 'ACTIVITY_NOT_FOUND');
    });

    it('changes the fields sent, replaces the contacts, and records before and after', async () => {
      const [first, second] = [await records.createContact(acme.admin), await records.createContact(acme.admin)];
      const activity = await createActivity({ contactIds: [first.id], body: 'old' });
      const response = await as(manager).patch(`/api/activities/${activity.id}`, {
        subject: 'Follow-up',
        type: 'EMAIL',
        body: null,
        contactIds: [second.id],
        ownerId: manager.userId,
      });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body).toMatchObject({
        subject: 'Follow-up',
        type: 'EMAIL',
        body: null,
        contactIds: [second.id],
        ownerId: manager.userId,
        version: 2,
      });
      expect(await row(activity.id)).toMatchObject({ subject: 'Follow-up', body: null, contact_ids: [second.id] });
      const [audit] = await t.db.query(
        `SELECT before->'contactIds' AS before, after->'contactIds' AS after FROM audit_entry
          WHERE entity_id = $1 AND action = 'activity.updated'`,
        [activity.id],
      );
      expect(audit).toEqual({ before: [first.id], after: [second.id] });
    });

    it('answers 400 and 404 naming the field on a change, writing nothing', async () => {
      const activity = await createActivity();
      const globexContact = await records.createContact(globex.admin);
      expectProblem(
        await as(acme.admin).patch(`/api/activities/${activity.id}`, { subject: '' }),
        400,
        'VALIDATION_FAILED',
        ['subject'],
      );
      expectProblem(
        await as(acme.admin).patch(`/api/activities/${activity.id}`, { type: null }),
        400,
        'VALIDATION_FAILED',
        ['type'],
      );
      expectProblem(
        await as(acme.admin).patch(`/api/activities/${activity.id}`, {
          subject: 'Changed',
          contactIds: [globexContact.id],
        }),
        404,
        'CONTACT_NOT_FOUND',
        ['contactIds'],
      );
      expect(await row(activity.id)).toMatchObject({ subject: activity.subject });
    });

    it('lets an AGENT change only its own, and delete none', async () => {
      const own = await createActivity({}, agent);
      const others = await createActivity();
      expect((await as(agent).patch(`/api/activities/${own.id}`, { subject: 'Mine' })).status).toBe(200);
      expectProblem(await as(agent).patch(`/api/activities/${others.id}`, { subject: 'Theirs' }), 403, 'FORBIDDEN');
      expectProblem(await as(agent).post(`/api/activities/${others.id}/complete`), 403, 'FORBIDDEN');
      expectProblem(await as(agent).patch(`/api/activities/${own.id}`, { ownerId: manager.userId }), 403, 'FORBIDDEN');
      expectProblem(await as(agent).delete(`/api/activities/${own.id}`), 403, 'FORBIDDEN');
      expectProblem(await as(viewer).patch(`/api/activities/${own.id}`, { subject: 'V' }), 403, 'FORBIDDEN');
    });

    it('deletes softly: gone from reads and lists, the row kept, activity.deleted recorded', async () => {
      const activity = await createActivity();
      expect((await as(manager).delete(`/api/activities/${activity.id}`)).status).toBe(204);
      expectProblem(await as(acme.admin).get(`/api/activities/${activity.id}`), 404, 'ACTIVITY_NOT_FOUND');
      expect((await row(activity.id)).deleted_at).not.toBeNull();
      expect(await events(activity.id)).toEqual(['activity.created', 'activity.deleted']);
    });
  });

  describe('POST /api/activities/:id/complete and /reopen', () => {
    it('completes now or at a past instant, reopens, and refuses the same move twice with a 409', async () => {
      const dueAt = new Date(Date.now() - HOUR_MS).toISOString();
      const activity = await createActivity({ type: 'TASK', dueAt });
      expect(activity.state).toBe('overdue');
      const completedAt = new Date(Date.now() - 10 * 60_000).toISOString();
      const done = await as(acme.admin).post(`/api/activities/${activity.id}/complete`, { completedAt });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      expect(done.body).toMatchObject({ state: 'completed', completedAt });
      expect((await row(activity.id)).completed_at).toEqual(new Date(completedAt));
      expectProblem(await as(acme.admin).post(`/api/activities/${activity.id}/complete`), 409, 'INVALID_TRANSITION');

      const reopened = await as(acme.admin).post(`/api/activities/${activity.id}/reopen`);
      expect(reopened.body).toMatchObject({ state: 'overdue', completedAt: null });
      expect((await row(activity.id)).completed_at).toBeNull();
      expectProblem(await as(acme.admin).post(`/api/activities/${activity.id}/reopen`), 409, 'INVALID_TRANSITION');
      expect(await events(activity.id)).toEqual(['activity.created', 'activity.completed', 'activity.reopened']);
    });

    it('refuses a completion time in the future or not a date (400), writing nothing', async () => {
      const activity = await createActivity();
      const future = new Date(Date.now() + HOUR_MS).toISOString();
      expectProblem(
        await as(acme.admin).post(`/api/activities/${activity.id}/complete`, { completedAt: future }),
        400,
        'VALIDATION_FAILED',
        ['completedAt'],
      );
      expectProblem(
        await as(acme.admin).post(`/api/activities/${activity.id}/complete`, { completedAt: 'now' }),
        400,
        'VALIDATION_FAILED',
        ['completedAt'],
      );
      expect((await row(activity.id)).completed_at).toBeNull();
      expect(await events(activity.id)).toEqual(['activity.created']);
    });
  });

  it('keeps the activities of a deleted customer, unlinked from it (activity.updated)', async () => {
    const customer = await records.createCustomer(acme.admin);
    const activity = await createActivity({ customerId: customer.id });
    expect((await as(acme.admin).delete(`/api/crm/customers/${customer.id}`)).status).toBe(204);
    expect(await row(activity.id)).toMatchObject({ customer_id: null, deleted_at: null });
    expect((await as(acme.admin).get(`/api/activities/${activity.id}`)).body).toMatchObject({ customerId: null });
    expect(await events(activity.id)).toEqual(['activity.created', 'activity.updated']);
  });

  describe('contact detail and timeline source', () => {
    it('shows the contact’s recent activities on its detail', async () => {
      const contact = await records.createContact(acme.admin);
      const activity = await createActivity({ contactIds: [contact.id] });
      const detail = await as(viewer).get(`/api/crm/contacts/${contact.id}`);
      expect(detail.status).toBe(200);
      expect(detail.body.recentActivities).toMatchObject([
        { id: activity.id, subject: activity.subject, contactIds: [contact.id] },
      ]);
    });

    it('loads a subject’s activities newest first, after a position, in the actor’s scope', async () => {
      const source = TimelineSources.get('activities');
      const customer = await records.createCustomer(acme.admin);
      const a = await createActivity({ customerId: customer.id });
      const b = await createActivity({ customerId: customer.id });
      const subject = { entity: 'customer', id: customer.id, organizationId: acme.organizationId } as const;
      const items = await readAsSession(t.app, acme.admin, VIEW, (reader) => source.load(reader, subject, null, 10));
      expect(items.map((item) => item.id)).toEqual([b.id, a.id]);
      const first = items[0];
      if (first === undefined) throw new Error('no item');
      const rest = await readAsSession(t.app, acme.admin, VIEW, (reader) =>
        source.load(reader, subject, { occurredAt: first.occurredAt, source: 'activities', id: first.id }, 10),
      );
      expect(rest.map((item) => item.id)).toEqual([a.id]);
      const foreign = await readAsSession(t.app, globex.admin, VIEW, (reader) =>
        source.load(reader, subject, null, 10),
      );
      expect(foreign).toEqual([]);
    });
  });
});
