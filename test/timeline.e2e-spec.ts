import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createCrmWorld,
  createTestApp,
  crmRecords,
  type CrmRecords,
  expectProblem,
  memberWithRole,
  type Session,
  type TenantFixture,
  type TestApp,
  unique,
} from '@clientele/testing';

interface TimelineItemBody {
  kind: string;
  id: string;
  occurredAt: string;
  title: string;
  data: Record<string, unknown>;
}

interface TimelineBody {
  items: TimelineItemBody[];
  nextCursor: string | null;
}

describe('timelines', () => {
  let t: TestApp;
  let acme: TenantFixture;
  let globex: TenantFixture;
  let viewer: Session;
  let guest: Session;
  let records: CrmRecords;
  const stageIds = new Map<string, string>();

  const as = (
    session: Session,
    organizationId = session === globex.admin ? globex.organizationId : acme.organizationId,
  ) => ({
    get: (url: string) => t.http.get(url).set(bearer(session)).set('X-Organization-Id', organizationId),
    post: (url: string, body: object = {}) =>
      t.http.post(url).set(bearer(session)).set('X-Organization-Id', organizationId).send(body),
    patch: (url: string, body: object) =>
      t.http.patch(url).set(bearer(session)).set('X-Organization-Id', organizationId).send(body),
  });

  const stage = (name: string): string => {
    const id = stageIds.get(name);
    if (id === undefined) throw new Error(`no stage ${name}`);
    return id;
  };

  function ok(response: { status: number; body: unknown }, status = 200): void {
    expect(response.status, JSON.stringify(response.body)).toBe(status);
  }

  async function timeline(url: string, session: Session = viewer): Promise<TimelineBody> {
    const response = await as(session).get(url);
    ok(response);
    return response.body as TimelineBody;
  }

  /** Every page of a timeline, `limit` at a time. */
  async function walk(url: string, limit: number): Promise<TimelineItemBody[][]> {
    const pages: TimelineItemBody[][] = [];
    let cursor: string | null = null;
    do {
      const separator = url.includes('?') ? '&' : '?';
      const page = await timeline(
        `${url}${separator}limit=${limit}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`,
      );
      pages.push(page.items);
      cursor = page.nextCursor;
    } while (cursor !== null && pages.length < 100);
    return pages;
  }

  /** A contact and a customer with a deal of theirs moved twice and edited, and each of them edited. */
  async function story(): Promise<{ contactId: string; customerId: string; dealId: string; title: string }> {
    const customer = await records.createCustomer(acme.admin, { name: `Initech ${unique()}` });
    const contact = await records.createContact(acme.admin, { customerId: customer.id });
    const title = `Deal ${unique()}`;
    const deal = await as(acme.admin).post('/api/deals', { title, contactId: contact.id, customerId: customer.id });
    ok(deal, 201);
    const dealId = (deal.body as { id: string }).id;
    ok(await as(acme.admin).patch(`/api/deals/${dealId}/stage`, { stageId: stage('Qualified') }));
    ok(await as(acme.admin).patch(`/api/deals/${dealId}`, { value: '1200.50' }));
    ok(await as(acme.admin).patch(`/api/deals/${dealId}/stage`, { stageId: stage('Won') }));
    ok(await as(acme.admin).patch(`/api/crm/contacts/${contact.id}`, { jobTitle: 'CTO' }));
    ok(await as(acme.admin).patch(`/api/crm/customers/${customer.id}`, { name: `${customer.name} Ltd` }));
    return { contactId: contact.id, customerId: customer.id, dealId, title };
  }

  beforeAll(async () => {
    t = await createTestApp();
    ({ acme, globex, viewer, guest } = await createCrmWorld(t.http));
    records = crmRecords(t.http, { acme, globex });
    const pipelines = await as(acme.admin).get('/api/pipelines');
    ok(pipelines);
    const [pipeline] = (pipelines.body as { items: Array<{ stages: Array<{ id: string; name: string }> }> }).items;
    for (const each of pipeline.stages) stageIds.set(each.name, each.id);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('GET /api/deals/:id/timeline', () => {
    it("shows the deal's stage moves and field changes, newest first, from its audit trail", async () => {
      const { dealId, title } = await story();
      const body = await timeline(`/api/deals/${dealId}/timeline`);
      expect(body.nextCursor).toBeNull();
      expect(body.items.map((item) => [item.kind, item.title])).toEqual([
        ['stage_change', `${title}: Qualified → Won`],
        ['field_change', 'Changed value'],
        ['stage_change', `${title}: Lead → Qualified`],
      ]);
      const [won, value, qualified] = body.items;
      expect(won.data).toMatchObject({
        event: 'deal.won',
        dealId,
        dealTitle: title,
        from: { stageId: stage('Qualified'), name: 'Qualified', status: 'OPEN' },
        to: { stageId: stage('Won'), name: 'Won', status: 'WON' },
        actor: { type: 'user', id: acme.admin.userId },
      });
      expect(qualified.data).toMatchObject({ event: 'deal.stage_changed' });
      expect(value.data).toEqual({
        actor: { type: 'user', id: acme.admin.userId },
        changes: [{ field: 'value', before: '0.0000', after: '1200.5000' }],
      });
      // Each item is the audit entry it was read from.
      const stored: Array<{ id: string; action: string; created_at: Date }> = await t.db.query(
        `SELECT id, action, created_at FROM audit_entry WHERE entity_id = $1 AND action <> 'deal.created'
          ORDER BY created_at DESC, id DESC`,
        [dealId],
      );
      expect(stored.map((row) => row.id)).toEqual(body.items.map((item) => item.id));
      expect(stored.map((row) => row.created_at.toISOString())).toEqual(body.items.map((item) => item.occurredAt));
    });

    it('filters by kind; an unknown kind is a 400 naming the allowed ones', async () => {
      const { dealId } = await story();
      const stages = await timeline(`/api/deals/${dealId}/timeline?kinds=stage_change`);
      expect(stages.items.map((item) => item.kind)).toEqual(['stage_change', 'stage_change']);
      const both = await timeline(`/api/deals/${dealId}/timeline?kinds=stage_change&kinds=field_change`);
      expect(both.items).toHaveLength(3);
      const response = await as(viewer).get(`/api/deals/${dealId}/timeline?kinds=stage_change,meeting`);
      expectProblem(response, 400, 'VALIDATION_FAILED', ['kinds']);
      const message = (response.body as { errors: Array<{ message: string }> }).errors[0].message;
      expect(message).toMatch(/^kinds must be among .*stage_change/);
      expect(message).toContain('field_change');
      expectProblem(await as(viewer).get(`/api/deals/${dealId}/timeline?kinds=`), 400, 'VALIDATION_FAILED', ['kinds']);
    });

    it('is a 403 without the view grant, 404 to another tenant, 400 on a bad id, cursor or limit', async () => {
      const { dealId } = await story();
      expectProblem(await as(guest).get(`/api/deals/${dealId}/timeline`), 403, 'FORBIDDEN');
      expectProblem(await as(globex.admin).get(`/api/deals/${dealId}/timeline`), 404, 'DEAL_NOT_FOUND');
      expectProblem(await as(viewer).get('/api/deals/123/timeline'), 400, 'VALIDATION_FAILED', ['id']);
      for (const [query, field] of [
        ['cursor=nope', 'cursor'],
        [`cursor=${Buffer.from(JSON.stringify(['-createdAt', 'x', dealId])).toString('base64url')}`, 'cursor'],
        ['limit=0', 'limit'],
        ['limit=101', 'limit'],
        ['kinds=%27%3B', 'kinds'],
        ['other=1', 'other'],
      ]) {
        expectProblem(await as(viewer).get(`/api/deals/${dealId}/timeline?${query}`), 400, 'VALIDATION_FAILED', [
          field,
        ]);
      }
    });
  });

  describe('GET /api/crm/contacts/:id/timeline and /api/crm/customers/:id/timeline', () => {
    it("show the record's own field changes and its deals' stage moves, not the deals' field changes", async () => {
      const { contactId, customerId, title } = await story();
      const contact = await timeline(`/api/crm/contacts/${contactId}/timeline`);
      expect(contact.items.map((item) => [item.kind, item.title])).toEqual([
        ['field_change', 'Changed jobTitle'],
        ['stage_change', `${title}: Qualified → Won`],
        ['stage_change', `${title}: Lead → Qualified`],
      ]);
      expect(contact.items[0].data.changes).toEqual([{ field: 'jobTitle', before: null, after: 'CTO' }]);
      const customer = await timeline(`/api/crm/customers/${customerId}/timeline`);
      expect(customer.items.map((item) => item.kind)).toEqual(['field_change', 'stage_change', 'stage_change']);
      const [rename] = customer.items;
      expect(rename.title).toBe('Changed name');
      expect(rename.data.changes).toEqual([
        { field: 'name', before: expect.stringMatching(/^Initech /), after: expect.stringMatching(/ Ltd$/) },
      ]);
    });

    it('is a 403 without the view grant and a 404 to another tenant', async () => {
      const { contactId, customerId } = await story();
      expectProblem(await as(guest).get(`/api/crm/contacts/${contactId}/timeline`), 403, 'FORBIDDEN');
      expectProblem(await as(guest).get(`/api/crm/customers/${customerId}/timeline`), 403, 'FORBIDDEN');
      expectProblem(await as(globex.admin).get(`/api/crm/contacts/${contactId}/timeline`), 404, 'CONTACT_NOT_FOUND');
      expectProblem(await as(globex.admin).get(`/api/crm/customers/${customerId}/timeline`), 404, 'CUSTOMER_NOT_FOUND');
      expectProblem(await as(viewer).get('/api/crm/customers/x/timeline'), 400, 'VALIDATION_FAILED', ['id']);
    });
  });

  describe('grants of the sources', () => {
    it("leaves a deal's stage moves (and the contact's open deals) out for those who may not view deals", async () => {
      const { contactId, dealId } = await story();
      ok(await as(acme.admin).post(`/api/deals/${dealId}/reopen`, {}));
      const role = await t.http
        .post('/api/roles')
        .set(bearer(acme.admin))
        .send({ name: `Contacts only ${unique()}`, grants: ['ORG_CONTACT_VIEW'] });
      ok(role, 201);
      const contactsOnly = await memberWithRole(t.http, acme, (role.body as { name: string }).name);
      const body = await timeline(`/api/crm/contacts/${contactId}/timeline`, contactsOnly);
      expect(body.items.map((item) => item.kind)).toEqual(['field_change']);
      const stages = await timeline(`/api/crm/contacts/${contactId}/timeline?kinds=stage_change`, contactsOnly);
      expect(stages.items).toEqual([]);
      const detail = await as(contactsOnly).get(`/api/crm/contacts/${contactId}`);
      ok(detail);
      expect(detail.body.openDeals).toEqual([]);
      expect((await as(viewer).get(`/api/crm/contacts/${contactId}`)).body.openDeals).toHaveLength(1);
      expectProblem(await as(contactsOnly).get(`/api/deals/${dealId}/timeline`), 403, 'FORBIDDEN');
    });
  });

  describe('ordering and pages', () => {
    it('pages across sources at one instant neither skip nor repeat an item', async () => {
      const { contactId, dealId } = await story();
      for (const jobTitle of ['CEO', 'CFO', 'COO']) {
        ok(await as(acme.admin).patch(`/api/crm/contacts/${contactId}`, { jobTitle }));
      }
      ok(await as(acme.admin).post(`/api/deals/${dealId}/reopen`, {}));
      // Every entry of the contact's timeline at the same millisecond: only source and id order them.
      const instant = '2026-12-01T12:00:00.123Z';
      await t.db.query(
        `UPDATE audit_entry SET created_at = $3
          WHERE (entity = 'contact' AND entity_id = $1) OR (entity = 'deal' AND entity_id = $2)`,
        [contactId, dealId, instant],
      );
      const url = `/api/crm/contacts/${contactId}/timeline`;
      const all = (await timeline(url)).items;
      expect(all).toHaveLength(4 + 3);
      expect(all.every((item) => item.occurredAt === instant)).toBe(true);
      // stage_change sorts after field_change, so it comes first (descending); ids descending within.
      const expected = [...all].sort((a, b) => (a.kind !== b.kind ? (a.kind < b.kind ? 1 : -1) : a.id < b.id ? 1 : -1));
      expect(all.map((item) => item.id)).toEqual(expected.map((item) => item.id));
      expect(all.slice(0, 3).map((item) => item.kind)).toEqual(['stage_change', 'stage_change', 'stage_change']);
      for (const limit of [1, 2, 3, 6]) {
        const pages = await walk(url, limit);
        expect(pages.flat().map((item) => item.id)).toEqual(all.map((item) => item.id));
        expect(pages.slice(0, -1).every((page) => page.length === limit)).toBe(true);
      }
      // The cursor holds its position whatever the kinds asked for.
      const first = await timeline(`${url}?limit=2`);
      const rest = await timeline(`${url}?kinds=field_change&cursor=${encodeURIComponent(first.nextCursor ?? '')}`);
      expect(rest.items.map((item) => item.id)).toEqual(
        all
          .slice(2)
          .filter((item) => item.kind === 'field_change')
          .map((item) => item.id),
      );
    });

    it('an entry that changed only bookkeeping fields is not a field change', async () => {
      const { dealId } = await story();
      await t.db.query(
        `INSERT INTO audit_entry (tenant_id, organization_id, actor_type, actor_id, action, entity, entity_id, before, after)
         SELECT tenant_id, organization_id, actor_type, actor_id, 'deal.updated', entity, entity_id,
                after, jsonb_set(after, '{version}', to_jsonb(((after ->> 'version')::int + 1)))
           FROM audit_entry WHERE entity_id = $1 AND action = 'deal.won'`,
        [dealId],
      );
      const body = await timeline(`/api/deals/${dealId}/timeline?kinds=field_change`);
      expect(body.items.map((item) => item.title)).toEqual(['Changed value']);
    });
  });
});
