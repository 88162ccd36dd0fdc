import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from '@clientele/core';
import {
  bearer,
  createCrmWorld,
  createTestApp,
  expectProblem,
  type Session,
  type TenantFixture,
  type TestApp,
  unique,
  type MemberRequests,
  requestsIn,
} from '@clientele/testing';

interface StageBody {
  id: string;
  name: string;
  kind: string;
}

interface DealBody {
  id: string;
  organizationId: string;
  title: string;
  value: string;
  currency: string;
  expectedCloseDate: string | null;
  pipelineId: string;
  stageId: string;
  stage: { id: string; name: string; kind: string; position: number };
  contactId: string | null;
  customerId: string | null;
  ownerId: string | null;
  probability: number;
  probabilityFromStage: boolean;
  status: 'OPEN' | 'WON' | 'LOST';
  closedAt: string | null;
  lostReason: string | null;
  stageChangedAt: string;
  rotting: boolean;
  tags: Array<{ id: string; name: string }>;
  version: number;
}

describe('deals', () => {
  let t: TestApp;
  let acme: TenantFixture;
  let globex: TenantFixture;
  let viewer: Session;
  let agent: Session;
  let manager: Session;
  let guest: Session;
  let branchId: string;
  let pipelineId: string;
  const stages = new Map<string, StageBody>();
  let globexStageId: string;
  let branchStageId: string;

  const as = (session: Session, organizationId?: string): MemberRequests =>
    requestsIn(t.http, { acme, globex }, session, organizationId);

  async function firstPipeline(
    session: Session,
    organizationId?: string,
  ): Promise<{ id: string; stages: StageBody[] }> {
    const response = await as(session, organizationId).get('/api/pipelines');
    expect(response.status).toBe(200);
    return response.body.items[0] as { id: string; stages: StageBody[] };
  }

  const stage = (name: string): string => {
    const found = stages.get(name);
    if (found === undefined) throw new Error(`no stage ${name}`);
    return found.id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    ({ acme, globex, viewer, agent, manager, guest, branchId } = await createCrmWorld(t.http));
    const pipeline = await firstPipeline(acme.admin);
    pipelineId = pipeline.id;
    for (const each of pipeline.stages) stages.set(each.name, each);
    globexStageId = (await firstPipeline(globex.admin)).stages[0]?.id ?? '';
    branchStageId = (await firstPipeline(acme.admin, branchId)).stages[0]?.id ?? '';
  });
  afterAll(async () => {
    await t.close();
  });

  async function createDeal(body: object = {}, session: Session = acme.admin): Promise<DealBody> {
    const response = await as(session).post('/api/deals', { title: `Deal ${unique()}`, ...body });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as DealBody;
  }

  async function created(url: string, body: object, session: Session = acme.admin): Promise<string> {
    const response = await as(session).post(url, body);
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

  async function row(dealId: string): Promise<Record<string, unknown>> {
    const [stored] = await t.db.query(
      `SELECT tenant_id, organization_id, title, value, currency, to_char(expected_close_date, 'YYYY-MM-DD') AS expected_close_date,
              pipeline_id, stage_id, contact_id, customer_id, owner_id, probability, status, closed_at, lost_reason,
              deleted_at, (SELECT array_agg(tag_id ORDER BY tag_id) FROM deal_tag WHERE deal_id = deal.id) AS tag_ids
         FROM deal WHERE id = $1`,
      [dealId],
    );
    return stored as Record<string, unknown>;
  }

  describe('POST /api/deals', () => {
    it('creates a deal with defaults: the first stage of the first pipeline, the organization currency, its creator as owner', async () => {
      const deal = await createDeal({ title: 'Website revamp' });
      expect(deal).toMatchObject({
        title: 'Website revamp',
        organizationId: acme.organizationId,
        value: '0.00',
        currency: 'GBP',
        pipelineId,
        stageId: stage('Lead'),
        stage: { name: 'Lead', kind: 'OPEN', position: 0 },
        ownerId: acme.admin.userId,
        probability: 10,
        probabilityFromStage: true,
        status: 'OPEN',
        closedAt: null,
        lostReason: null,
        rotting: false,
        tags: [],
        version: 1,
      });
      expect(await row(deal.id)).toMatchObject({
        tenant_id: acme.tenantId,
        value: '0.0000',
        currency: 'GBP',
        stage_id: stage('Lead'),
        owner_id: acme.admin.userId,
        probability: null,
        status: 'OPEN',
        deleted_at: null,
      });
      expect(await events(deal.id)).toEqual(['deal.created']);
      const [audit] = await t.db.query(
        `SELECT action, after->>'title' AS title FROM audit_entry WHERE entity_id = $1`,
        [deal.id],
      );
      expect(audit).toEqual({ action: 'deal.created', title: 'Website revamp' });
    });

    it('stores every field: value as a decimal string, contact, customer, tags, probability and close date', async () => {
      const customerId = await created('/api/crm/customers', { name: `Customer ${unique()}` });
      const contactId = await created('/api/crm/contacts', { firstName: 'Dana', lastName: `Deal${unique()}` });
      const tagId = await created('/api/tags', { name: `hot-${unique()}` });
      const deal = await createDeal({
        title: 'Support contract',
        value: '12500.50',
        currency: 'EUR',
        stageId: stage('Proposal'),
        contactId,
        customerId,
        ownerId: manager.userId,
        probability: 40,
        expectedCloseDate: '2026-12-31',
        tagIds: [tagId],
      });
      expect(deal).toMatchObject({
        value: '12500.50',
        currency: 'EUR',
        stageId: stage('Proposal'),
        contactId,
        customerId,
        ownerId: manager.userId,
        probability: 40,
        probabilityFromStage: false,
        expectedCloseDate: '2026-12-31',
        tags: [{ id: tagId }],
      });
      expect(await row(deal.id)).toMatchObject({
        value: '12500.5000',
        currency: 'EUR',
        contact_id: contactId,
        customer_id: customerId,
        owner_id: manager.userId,
        probability: 40,
        expected_close_date: '2026-12-31',
        tag_ids: [tagId],
      });
      // Many deals per contact.
      const second = await createDeal({ contactId });
      expect(second.contactId).toBe(contactId);
    });

    it('respects the currency minor units: JPY has none, KWD three', async () => {
      expect((await createDeal({ value: '12500', currency: 'JPY' })).value).toBe('12500');
      expect((await createDeal({ value: '1.234', currency: 'KWD' })).value).toBe('1.234');
      expect((await createDeal({ value: '7', currency: 'KWD' })).value).toBe('7.000');
      const admin = as(acme.admin);
      expectProblem(
        await admin.post('/api/deals', { title: 'x', value: '12.5', currency: 'JPY' }),
        400,
        'AMOUNT_TOO_PRECISE',
        ['value'],
      );
      expectProblem(
        await admin.post('/api/deals', { title: 'x', value: '1.2345', currency: 'KWD' }),
        400,
        'AMOUNT_TOO_PRECISE',
        ['value'],
      );
      expectProblem(await admin.post('/api/deals', { title: 'x', value: '1.005' }), 400, 'AMOUNT_TOO_PRECISE', [
        'value',
      ]);
    });

    it('refuses bad input with 400 naming the field', async () => {
      const admin = as(acme.admin);
      expectProblem(await admin.post('/api/deals', {}), 400, 'VALIDATION_FAILED', ['title']);
      expectProblem(await admin.post('/api/deals', { title: 'x', value: 12500 }), 400, 'VALIDATION_FAILED', ['value']);
      expectProblem(await admin.post('/api/deals', { title: 'x', value: '-5' }), 400, 'VALIDATION_FAILED', ['value']);
      expectProblem(await admin.post('/api/deals', { title: 'x', value: '1e3' }), 400, 'VALIDATION_FAILED', ['value']);
      expectProblem(await admin.post('/api/deals', { title: 'x', currency: 'XXX' }), 400, 'UNKNOWN_CURRENCY', [
        'currency',
      ]);
      expectProblem(await admin.post('/api/deals', { title: 'x', currency: 'eur' }), 400, 'VALIDATION_FAILED', [
        'currency',
      ]);
      expectProblem(await admin.post('/api/deals', { title: 'x', probability: 101 }), 400, 'VALIDATION_FAILED', [
        'probability',
      ]);
      expectProblem(
        await admin.post('/api/deals', { title: 'x', expectedCloseDate: '2026-02-30' }),
        400,
        'VALIDATION_FAILED',
        ['expectedCloseDate'],
      );
      expectProblem(await admin.post('/api/deals', { title: 'x', stageId: 'nope' }), 400, 'VALIDATION_FAILED', [
        'stageId',
      ]);
      expectProblem(await admin.post('/api/deals', { title: 'x', status: 'WON' }), 400, 'VALIDATION_FAILED', [
        'status',
      ]);
      expectProblem(await admin.post('/api/deals', { title: 'x', stageId: stage('Won') }), 400, 'STAGE_NOT_OPEN', [
        'stageId',
      ]);
      const tagless = await admin.post('/api/deals', { title: 'x', tagIds: [globexStageId] });
      expectProblem(tagless, 404, 'TAG_NOT_FOUND', ['tagIds']);
    });

    it("another tenant's or organization's stage, pipeline, contact, customer or owner in the body is a 404", async () => {
      const globexContact = await created(
        '/api/crm/contacts',
        { firstName: 'G', lastName: `Globex${unique()}` },
        globex.admin,
      );
      const globexCustomer = await created('/api/crm/customers', { name: `Globex ${unique()}` }, globex.admin);
      const branchContactResponse = await as(acme.admin, branchId).post('/api/crm/contacts', {
        firstName: 'B',
        lastName: `Branch${unique()}`,
      });
      expect(branchContactResponse.status, JSON.stringify(branchContactResponse.body)).toBe(201);
      const branchContact = branchContactResponse.body.id as string;
      const admin = as(acme.admin);
      expectProblem(
        await admin.post('/api/deals', { title: 'x', stageId: globexStageId }),
        404,
        'PIPELINE_STAGE_NOT_FOUND',
      );
      expectProblem(
        await admin.post('/api/deals', { title: 'x', stageId: branchStageId }),
        404,
        'PIPELINE_STAGE_NOT_FOUND',
      );
      const globexPipeline = await firstPipeline(globex.admin);
      expectProblem(
        await admin.post('/api/deals', { title: 'x', pipelineId: globexPipeline.id }),
        404,
        'PIPELINE_NOT_FOUND',
      );
      expectProblem(await admin.post('/api/deals', { title: 'x', contactId: globexContact }), 404, 'CONTACT_NOT_FOUND');
      expectProblem(
        await admin.post('/api/deals', { title: 'x', customerId: globexCustomer }),
        404,
        'CUSTOMER_NOT_FOUND',
      );
      expectProblem(
        await admin.post('/api/deals', { title: 'x', ownerId: globex.admin.userId }),
        404,
        'USER_NOT_FOUND',
      );
      expectProblem(await admin.post('/api/deals', { title: 'x', contactId: branchContact }), 404, 'CONTACT_NOT_FOUND');
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM deal WHERE title = 'x'`);
      expect(count).toBe(0);
    });

    it('an AGENT creates deals it owns, never for someone else; a VIEWER and a GUEST cannot create', async () => {
      const own = await createDeal({}, agent);
      expect(own.ownerId).toBe(agent.userId);
      expectProblem(await as(agent).post('/api/deals', { title: 'x', ownerId: manager.userId }), 403, 'FORBIDDEN');
      expectProblem(await as(agent).post('/api/deals', { title: 'x', ownerId: null }), 403, 'FORBIDDEN');
      expectProblem(await as(viewer).post('/api/deals', { title: 'x' }), 403, 'FORBIDDEN');
      expectProblem(await as(guest).post('/api/deals', { title: 'x' }), 403, 'FORBIDDEN');
    });
  });

  describe('GET /api/deals/:id', () => {
    it('a VIEWER reads a deal; a GUEST gets 403; another tenant 404; a bad id 400', async () => {
      const deal = await createDeal();
      const response = await as(viewer).get(`/api/deals/${deal.id}`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual(deal);
      expect(response.headers.etag).toBe('"1"');
      expectProblem(await as(guest).get(`/api/deals/${deal.id}`), 403, 'FORBIDDEN');
      expectProblem(await as(globex.admin).get(`/api/deals/${deal.id}`), 404, 'DEAL_NOT_FOUND');
      expectProblem(await as(viewer).get('/api/deals/123'), 400, 'VALIDATION_FAILED', ['id']);
    });

    it("another organization's deal is a 404 to those who are not its members", async () => {
      const branchDeal = await as(acme.admin, branchId).post('/api/deals', { title: `Branch ${unique()}` });
      expect(branchDeal.status, JSON.stringify(branchDeal.body)).toBe(201);
      expect(branchDeal.body.organizationId).toBe(branchId);
      expectProblem(await as(manager).get(`/api/deals/${branchDeal.body.id}`), 404, 'DEAL_NOT_FOUND');
      expectProblem(await as(manager).patch(`/api/deals/${branchDeal.body.id}`, { title: 'M' }), 404, 'DEAL_NOT_FOUND');
      expectProblem(await as(manager).delete(`/api/deals/${branchDeal.body.id}`), 404, 'DEAL_NOT_FOUND');
      const list = await as(manager).get('/api/deals?limit=100');
      expect(list.body.items.map((deal: DealBody) => deal.id)).not.toContain(branchDeal.body.id);
    });
  });

  describe('PATCH /api/deals/:id', () => {
    it('changes the fields sent and records deal.updated; probability null goes back to the stage', async () => {
      const deal = await createDeal({ value: '100.00', probability: 30 });
      const tagId = await created('/api/tags', { name: `warm-${unique()}` });
      const response = await as(manager).patch(`/api/deals/${deal.id}`, {
        title: 'Renamed',
        value: '2500.25',
        probability: null,
        expectedCloseDate: '2027-01-15',
        tags: [{ id: tagId }],
      });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body).toMatchObject({
        title: 'Renamed',
        value: '2500.25',
        probability: 10,
        probabilityFromStage: true,
        expectedCloseDate: '2027-01-15',
        tags: [{ id: tagId }],
        version: 2,
      });
      expect(await row(deal.id)).toMatchObject({ value: '2500.2500', probability: null, tag_ids: [tagId] });
      expect(await events(deal.id)).toEqual(['deal.created', 'deal.updated']);
      const [audit] = await t.db.query(
        `SELECT before->>'value' AS before, after->>'value' AS after FROM audit_entry WHERE entity_id = $1 AND action = 'deal.updated'`,
        [deal.id],
      );
      expect(audit).toEqual({ before: '100.0000', after: '2500.2500' });
    });

    it('checks value against the new currency, and a foreign contact, customer or owner is a 404', async () => {
      const deal = await createDeal({ value: '10.50' });
      expectProblem(
        await as(acme.admin).patch(`/api/deals/${deal.id}`, { currency: 'JPY' }),
        400,
        'AMOUNT_TOO_PRECISE',
        ['value'],
      );
      const yen = await as(acme.admin).patch(`/api/deals/${deal.id}`, { currency: 'JPY', value: '1050' });
      expect(yen.body).toMatchObject({ currency: 'JPY', value: '1050' });
      const globexContact = await created(
        '/api/crm/contacts',
        { firstName: 'G', lastName: `G${unique()}` },
        globex.admin,
      );
      expectProblem(
        await as(acme.admin).patch(`/api/deals/${deal.id}`, { contactId: globexContact }),
        404,
        'CONTACT_NOT_FOUND',
      );
      expectProblem(
        await as(acme.admin).patch(`/api/deals/${deal.id}`, { ownerId: globex.admin.userId }),
        404,
        'USER_NOT_FOUND',
      );
      expectProblem(
        await as(acme.admin).patch(`/api/deals/${deal.id}`, { stageId: stage('Won') }),
        400,
        'VALIDATION_FAILED',
        ['stageId'],
      );
      expectProblem(await as(acme.admin).patch(`/api/deals/${deal.id}`, { title: null }), 400, 'VALIDATION_FAILED', [
        'title',
      ]);
      expectProblem(await as(globex.admin).patch(`/api/deals/${deal.id}`, { title: 'G' }), 404, 'DEAL_NOT_FOUND');
      expectProblem(await as(viewer).patch(`/api/deals/${deal.id}`, { title: 'V' }), 403, 'FORBIDDEN');
    });

    it('an AGENT edits its own deals only, and cannot give them away', async () => {
      const own = await createDeal({}, agent);
      const others = await createDeal({ ownerId: manager.userId });
      expect((await as(agent).patch(`/api/deals/${own.id}`, { title: 'Mine' })).status).toBe(200);
      expectProblem(await as(agent).patch(`/api/deals/${others.id}`, { title: 'Theirs' }), 403, 'FORBIDDEN');
      expectProblem(await as(agent).patch(`/api/deals/${own.id}`, { ownerId: manager.userId }), 403, 'FORBIDDEN');
      expect((await row(others.id)).title).toBe(others.title);
    });
  });

  describe('PATCH /api/deals/:id/stage and POST /api/deals/:id/reopen', () => {
    it('moves between OPEN stages; the probability follows the stage; deal.stage_changed', async () => {
      const deal = await createDeal();
      const response = await as(acme.admin).patch(`/api/deals/${deal.id}/stage`, { stageId: stage('Qualified') });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body).toMatchObject({
        stageId: stage('Qualified'),
        status: 'OPEN',
        probability: 25,
        closedAt: null,
      });
      expect(Date.parse(response.body.stageChangedAt)).toBeGreaterThanOrEqual(Date.parse(deal.stageChangedAt));
      expect(await events(deal.id)).toEqual(['deal.created', 'deal.stage_changed']);
    });

    it('entering WON closes the deal; a closed deal moves only after reopen', async () => {
      const deal = await createDeal({ probability: 60 });
      const won = await as(acme.admin).patch(`/api/deals/${deal.id}/stage`, { stageId: stage('Won') });
      expect(won.body).toMatchObject({ status: 'WON', probability: 100, probabilityFromStage: true });
      expect(won.body.closedAt).not.toBeNull();
      expect(await row(deal.id)).toMatchObject({ status: 'WON', stage_id: stage('Won'), probability: null });
      expectProblem(
        await as(acme.admin).patch(`/api/deals/${deal.id}/stage`, { stageId: stage('Proposal') }),
        409,
        'DEAL_CLOSED',
      );
      const reopened = await as(acme.admin).post(`/api/deals/${deal.id}/reopen`);
      expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
      expect(reopened.body).toMatchObject({ status: 'OPEN', closedAt: null, stageId: stage('Negotiation') });
      expectProblem(await as(acme.admin).post(`/api/deals/${deal.id}/reopen`), 409, 'INVALID_TRANSITION');
      expect(await events(deal.id)).toEqual(['deal.created', 'deal.won', 'deal.reopened']);
    });

    it('a LOST move carries its reason, and needs one when the organization says so', async () => {
      const deal = await createDeal();
      const lost = await as(acme.admin).patch(`/api/deals/${deal.id}/stage`, {
        stageId: stage('Lost'),
        lostReason: 'Price',
      });
      expect(lost.body).toMatchObject({ status: 'LOST', lostReason: 'Price', probability: 0 });
      expect(await row(deal.id)).toMatchObject({ status: 'LOST', lost_reason: 'Price' });
      const reopened = await as(acme.admin).post(`/api/deals/${deal.id}/reopen`, { stageId: stage('Lead') });
      expect(reopened.body).toMatchObject({ status: 'OPEN', lostReason: null, stageId: stage('Lead') });
      expectProblem(
        await as(acme.admin).post(`/api/deals/${deal.id}/reopen`, { stageId: stage('Won') }),
        409,
        'INVALID_TRANSITION',
      );

      const settings = await t.http
        .patch(`/api/organizations/${acme.organizationId}/settings`)
        .set(bearer(acme.admin))
        .send({ requireLostReason: true });
      expect(settings.body.requireLostReason).toBe(true);
      try {
        expectProblem(
          await as(acme.admin).patch(`/api/deals/${deal.id}/stage`, { stageId: stage('Lost') }),
          400,
          'LOST_REASON_REQUIRED',
          ['lostReason'],
        );
        expect((await row(deal.id)).status).toBe('OPEN');
        const second = await as(acme.admin).patch(`/api/deals/${deal.id}/stage`, {
          stageId: stage('Lost'),
          lostReason: 'Went quiet',
        });
        expect(second.body).toMatchObject({ status: 'LOST', lostReason: 'Went quiet' });
      } finally {
        await t.http
          .patch(`/api/organizations/${acme.organizationId}/settings`)
          .set(bearer(acme.admin))
          .send({ requireLostReason: false });
      }
      expect(await events(deal.id)).toEqual(['deal.created', 'deal.lost', 'deal.reopened', 'deal.lost']);
      expectProblem(
        await as(acme.admin).patch(`/api/deals/${(await createDeal()).id}/stage`, {
          stageId: stage('Won'),
          lostReason: 'nope',
        }),
        400,
        'LOST_REASON_NOT_ALLOWED',
        ['lostReason'],
      );
    });

    it('refuses bad input, foreign stages, missing grants and other tenants', async () => {
      const deal = await createDeal({ ownerId: manager.userId });
      const url = `/api/deals/${deal.id}/stage`;
      expectProblem(await as(acme.admin).patch(url, {}), 400, 'VALIDATION_FAILED', ['stageId']);
      expectProblem(await as(acme.admin).patch(url, { stageId: globexStageId }), 404, 'PIPELINE_STAGE_NOT_FOUND');
      expectProblem(await as(acme.admin).patch(url, { stageId: branchStageId }), 404, 'PIPELINE_STAGE_NOT_FOUND');
      expectProblem(await as(agent).patch(url, { stageId: stage('Won') }), 403, 'FORBIDDEN');
      expectProblem(await as(viewer).patch(url, { stageId: stage('Won') }), 403, 'FORBIDDEN');
      expectProblem(await as(globex.admin).patch(url, { stageId: globexStageId }), 404, 'DEAL_NOT_FOUND');
      expectProblem(await as(agent).post(`/api/deals/${deal.id}/reopen`), 403, 'FORBIDDEN');
      expectProblem(await as(globex.admin).post(`/api/deals/${deal.id}/reopen`), 404, 'DEAL_NOT_FOUND');
      expectProblem(
        await as(acme.admin).post(`/api/deals/${deal.id}/reopen`, { stageId: 'x' }),
        400,
        'VALIDATION_FAILED',
        ['stageId'],
      );
      const own = await createDeal({}, agent);
      expect((await as(agent).patch(`/api/deals/${own.id}/stage`, { stageId: stage('Won') })).body.status).toBe('WON');
      expect((await as(agent).post(`/api/deals/${own.id}/reopen`)).body.status).toBe('OPEN');
      expect((await row(deal.id)).stage_id).toBe(stage('Lead'));
    });

    it('a deal left in a stage longer than its rottenAfterDays is rotting', async () => {
      const pipeline = await as(acme.admin).post('/api/pipelines', {
        name: `Rot ${unique()}`,
        stages: [
          { name: 'Waiting', probability: 20, rottenAfterDays: 3 },
          { name: 'W', kind: 'WON' },
          { name: 'L', kind: 'LOST' },
        ],
      });
      const waiting = pipeline.body.stages[0].id as string;
      const fresh = await createDeal({ stageId: waiting });
      const stale = await createDeal({ stageId: waiting });
      await t.db.query(`UPDATE deal SET stage_changed_at = now() - interval '4 days' WHERE id = $1`, [stale.id]);
      expect(fresh.rotting).toBe(false);
      expect((await as(viewer).get(`/api/deals/${stale.id}`)).body.rotting).toBe(true);
      const rotting = await as(viewer).get(`/api/deals?pipelineId=${pipeline.body.id}&rotting=true`);
      expect(rotting.body.items.map((deal: DealBody) => deal.id)).toEqual([stale.id]);
      const notRotting = await as(viewer).get(`/api/deals?pipelineId=${pipeline.body.id}&rotting=false`);
      expect(notRotting.body.items.map((deal: DealBody) => deal.id)).toEqual([fresh.id]);
      await as(acme.admin).patch(`/api/deals/${stale.id}/stage`, { stageId: pipeline.body.stages[1].id });
      expect((await as(viewer).get(`/api/deals/${stale.id}`)).body.rotting).toBe(false);
    });
  });

  describe('GET /api/deals', () => {
    it('filters by pipeline, stage, status and owner with exact totals from the counters', async () => {
      const pipeline = await as(acme.admin).post('/api/pipelines', { name: `Counted ${unique()}` });
      const byName = new Map<string, string>(pipeline.body.stages.map((each: StageBody) => [each.name, each.id]));
      const lead = byName.get('Lead') ?? '';
      const a = await createDeal({ stageId: lead });
      await createDeal({ stageId: lead, ownerId: manager.userId });
      const c = await createDeal({ stageId: byName.get('Proposal') });
      await as(acme.admin).patch(`/api/deals/${c.id}/stage`, { stageId: byName.get('Won') });
      const list = async (query: string): Promise<{ total: number; totalCapped?: boolean; items: DealBody[] }> => {
        const response = await as(viewer).get(`/api/deals?pipelineId=${pipeline.body.id}${query}`);
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        return response.body;
      };
      expect((await list('')).total).toBe(3);
      expect((await list(`&stageId=${lead}`)).total).toBe(2);
      const open = await list('&status=OPEN');
      expect(open.total).toBe(2);
      expect(open.totalCapped).toBeUndefined();
      expect((await list('&status=WON')).items.map((deal) => deal.id)).toEqual([c.id]);
      expect((await list(`&ownerId=${acme.admin.userId}&status=OPEN`)).items.map((deal) => deal.id)).toEqual([a.id]);
      const [counter] = await t.db.query(
        `SELECT sum(count)::int AS count FROM deal_facet_count WHERE pipeline_id = $1 AND status = 'OPEN'`,
        [pipeline.body.id],
      );
      expect(counter.count).toBe(2);
      await as(acme.admin).delete(`/api/deals/${a.id}`);
      expect((await list('&status=OPEN')).total).toBe(1);
    });

    it('filters by q, contact, customer, tag, currency, value and close-date ranges, and sorts', async () => {
      const customerId = await created('/api/crm/customers', { name: `Filter ${unique()}` });
      const contactId = await created('/api/crm/contacts', { firstName: 'F', lastName: `F${unique()}` });
      const tagId = await created('/api/tags', { name: `filter-${unique()}` });
      const marker = unique();
      const small = await createDeal({
        title: `Zeta ${marker}`,
        value: '0.10',
        currency: 'USD',
        expectedCloseDate: '2027-03-01',
      });
      const big = await createDeal({
        title: `Alpha ${marker}`,
        value: '5000.00',
        currency: 'USD',
        expectedCloseDate: '2027-06-01',
        contactId,
        customerId,
        tagIds: [tagId],
      });
      const ids = async (query: string): Promise<string[]> => {
        const response = await as(viewer).get(`/api/deals?q=${marker}${query}`);
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        return response.body.items.map((deal: DealBody) => deal.id);
      };
      expect(await ids('&sort=title')).toEqual([big.id, small.id]);
      expect(await ids('&sort=-value')).toEqual([big.id, small.id]);
      expect(await ids(`&contactId=${contactId}`)).toEqual([big.id]);
      expect(await ids(`&customerId=${customerId}`)).toEqual([big.id]);
      expect(await ids(`&tag=${tagId}`)).toEqual([big.id]);
      expect(await ids('&currency=USD&valueMin=0.10&valueMax=100')).toEqual([small.id]);
      expect(await ids('&closeDateFrom=2027-04-01')).toEqual([big.id]);
      expect(await ids('&closeDateTo=2027-04-01')).toEqual([small.id]);
      expect(await ids('&currency=EUR')).toEqual([]);
    });

    it('refuses bad filters with 400, and a GUEST with 403; another tenant sees none of ours', async () => {
      for (const [query, field] of [
        ['status=CLOSED', 'status'],
        ['valueMin=abc', 'valueMin'],
        ['closeDateFrom=tomorrow', 'closeDateFrom'],
        ['rotting=maybe', 'rotting'],
        ['sort=-probability', 'sort'],
        ['stageId=x', 'stageId'],
        ['limit=101', 'limit'],
      ]) {
        expectProblem(await as(viewer).get(`/api/deals?${query}`), 400, 'VALIDATION_FAILED', [field]);
      }
      expectProblem(await as(guest).get('/api/deals'), 403, 'FORBIDDEN');
      const mine = await createDeal();
      const theirs = await as(globex.admin).get('/api/deals?limit=100');
      expect(theirs.body.items.map((deal: DealBody) => deal.id)).not.toContain(mine.id);
    });

    it('exports the filtered list as CSV and NDJSON', async () => {
      const marker = unique();
      await createDeal({ title: `Export ${marker}`, value: '99.90', currency: 'EUR', expectedCloseDate: '2027-02-02' });
      const csv = await as(viewer).get(`/api/deals?q=${marker}&format=csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const [header, line] = csv.text.trim().split(/\r?\n/);
      expect(header?.split(',').slice(0, 6)).toEqual([
        'id',
        'organizationId',
        'title',
        'value',
        'currency',
        'expectedCloseDate',
      ]);
      expect(line).toContain(`Export ${marker},99.90,EUR,2027-02-02`);
      expect(line).toContain(',Lead,OPEN,10,');
      const ndjson = await as(viewer).get(`/api/deals?q=${marker}&format=ndjson`);
      const record = JSON.parse(ndjson.text.trim());
      expect(record).toMatchObject({ title: `Export ${marker}`, value: '99.90', stage: 'Lead', rotting: false });
    });
  });

  describe('GET /api/deals/board', () => {
    async function newPipeline(): Promise<{ id: string; stages: StageBody[] }> {
      const response = await as(acme.admin).post('/api/pipelines', { name: `Board ${unique()}` });
      expect(response.status).toBe(201);
      return response.body as { id: string; stages: StageBody[] };
    }

    it('shows each stage with its first page of deals, its count and exact sums per currency', async () => {
      const pipeline = await newPipeline();
      const [lead, qualified] = pipeline.stages as [StageBody, StageBody];
      const a = await createDeal({ stageId: lead.id, value: '0.10', currency: 'USD' });
      const b = await createDeal({ stageId: lead.id, value: '0.20', currency: 'USD', probability: 33 });
      const c = await createDeal({ stageId: lead.id, value: '1000', currency: 'JPY' });
      await createDeal({ stageId: qualified.id, value: '1.005', currency: 'KWD' });
      const response = await as(viewer).get(`/api/deals/board?pipelineId=${pipeline.id}&limit=2`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const [leadColumn, qualifiedColumn, ...rest] = response.body.stages;
      expect(rest.map((column: { name: string; dealCount: number }) => [column.name, column.dealCount])).toEqual([
        ['Proposal', 0],
        ['Negotiation', 0],
        ['Won', 0],
        ['Lost', 0],
      ]);
      expect(leadColumn).toMatchObject({
        id: lead.id,
        name: 'Lead',
        dealCount: 3,
        totals: [
          { currency: 'JPY', dealCount: 1, value: '1000', weightedValue: '100' },
          // 0.10 + 0.20 is exactly 0.30; 0.10 × 10% + 0.20 × 33% is exactly 0.076.
          { currency: 'USD', dealCount: 2, value: '0.30', weightedValue: '0.076' },
        ],
      });
      expect(leadColumn.deals.map((deal: DealBody) => deal.id)).toEqual([c.id, b.id]);
      expect(typeof leadColumn.nextCursor).toBe('string');
      const next = await as(viewer).get(
        `/api/deals?stageId=${lead.id}&cursor=${encodeURIComponent(leadColumn.nextCursor)}`,
      );
      expect(next.status, JSON.stringify(next.body)).toBe(200);
      expect(next.body.items.map((deal: DealBody) => deal.id)).toEqual([a.id]);
      expect(qualifiedColumn).toMatchObject({
        dealCount: 1,
        nextCursor: null,
        totals: [{ currency: 'KWD', value: '1.005', weightedValue: '0.25125' }],
      });
    });

    it('its sums equal the sums of the rows (property-based)', async () => {
      const value = fc
        .tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 99 }))
        .map(([units, cents]) => `${units}.${String(cents).padStart(2, '0')}`);
      const deals = fc.sample(fc.record({ value, probability: fc.integer({ min: 0, max: 100 }) }), {
        numRuns: 12,
        seed: 21,
      });
      const pipeline = await newPipeline();
      const stageId = pipeline.stages[1]?.id ?? '';
      for (const deal of deals) await createDeal({ stageId, currency: 'EUR', ...deal });
      const response = await as(viewer).get(`/api/deals/board?pipelineId=${pipeline.id}`);
      const column = response.body.stages[1];
      const sum = deals.reduce((total, deal) => total.plus(deal.value), new Decimal(0));
      const weighted = deals.reduce(
        (total, deal) => total.plus(new Decimal(deal.value).times(deal.probability).dividedBy(100)),
        new Decimal(0),
      );
      expect(column.totals).toHaveLength(1);
      expect(new Decimal(column.totals[0].value).equals(sum)).toBe(true);
      expect(new Decimal(column.totals[0].weightedValue).equals(weighted)).toBe(true);
      const [stored] = await t.db.query(
        `SELECT sum(value)::text AS sum FROM deal WHERE stage_id = $1 AND deleted_at IS NULL`,
        [stageId],
      );
      expect(new Decimal(stored.sum).equals(sum)).toBe(true);
    });

    it('keeps its sums exact through moves, edits, a stage probability change and deletes', async () => {
      const pipeline = await newPipeline();
      const [lead, qualified] = pipeline.stages as [StageBody, StageBody];
      const a = await createDeal({ stageId: lead.id, value: '10.00', currency: 'EUR' });
      const b = await createDeal({ stageId: lead.id, value: '20.00', currency: 'EUR', probability: 50 });
      const c = await createDeal({ stageId: lead.id, value: '5.00', currency: 'GBP' });
      expect((await as(acme.admin).patch(`/api/deals/${a.id}/stage`, { stageId: qualified.id })).status).toBe(200);
      expect((await as(acme.admin).patch(`/api/deals/${b.id}`, { value: '30.00', probability: 40 })).status).toBe(200);
      expect((await as(acme.admin).patch(`/api/deals/${c.id}`, { currency: 'USD', value: '7.00' })).status).toBe(200);
      const raised = await as(acme.admin).patch(`/api/pipelines/${pipeline.id}/stages/${qualified.id}`, {
        probability: 60,
      });
      expect(raised.status, JSON.stringify(raised.body)).toBe(200);
      const board = async (): Promise<Array<{ dealCount: number; totals: unknown[] }>> => {
        const response = await as(viewer).get(`/api/deals/board?pipelineId=${pipeline.id}`);
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        return response.body.stages;
      };
      const [leadColumn, qualifiedColumn] = await board();
      expect(leadColumn?.totals).toEqual([
        { currency: 'EUR', dealCount: 1, value: '30.00', weightedValue: '12.00' },
        { currency: 'USD', dealCount: 1, value: '7.00', weightedValue: '0.70' },
      ]);
      // The stage's new probability applies to the deal that takes its stage's.
      expect(qualifiedColumn?.totals).toEqual([
        { currency: 'EUR', dealCount: 1, value: '10.00', weightedValue: '6.00' },
      ]);

      expect((await as(acme.admin).delete(`/api/deals/${b.id}`)).status).toBe(204);
      const [afterDelete] = await board();
      expect(afterDelete?.totals).toEqual([{ currency: 'USD', dealCount: 1, value: '7.00', weightedValue: '0.70' }]);
      // What the triggers kept equals a recount of the rows.
      const kept = async (): Promise<unknown[]> =>
        t.db.query(
          `SELECT stage_id, currency, deal_count::int, trim_scale(value)::text AS value,
                  trim_scale(stage_probability_value)::text AS s, trim_scale(own_weighted_value)::text AS w
             FROM deal_stage_total WHERE deal_count <> 0 ORDER BY 1, 2`,
        );
      const before = await kept();
      await t.db.query(`SELECT refresh_deal_facet_count()`);
      expect(await kept()).toEqual(before);
    });

    it('refuses a missing or bad pipelineId (400), a GUEST (403) and another tenant (404)', async () => {
      expectProblem(await as(viewer).get('/api/deals/board'), 400, 'VALIDATION_FAILED', ['pipelineId']);
      expectProblem(
        await as(viewer).get(`/api/deals/board?pipelineId=${pipelineId}&limit=0`),
        400,
        'VALIDATION_FAILED',
        ['limit'],
      );
      expectProblem(await as(guest).get(`/api/deals/board?pipelineId=${pipelineId}`), 403, 'FORBIDDEN');
      expectProblem(await as(globex.admin).get(`/api/deals/board?pipelineId=${pipelineId}`), 404, 'PIPELINE_NOT_FOUND');
    });
  });

  describe('GET /api/deals/forecast', () => {
    it('sums open, weighted and won values per period and currency, exactly', async () => {
      const pipeline = await as(acme.admin).post('/api/pipelines', { name: `Forecast ${unique()}` });
      const [lead, , proposal, , won] = pipeline.body.stages as StageBody[];
      const inDecember = [
        await createDeal({ stageId: lead?.id, value: '0.10', currency: 'CHF', expectedCloseDate: '2031-12-05' }),
        await createDeal({ stageId: proposal?.id, value: '0.20', currency: 'CHF', expectedCloseDate: '2031-12-28' }),
      ];
      await createDeal({ stageId: lead?.id, value: '500', currency: 'JPY', expectedCloseDate: '2032-01-10' });
      const closing = await createDeal({
        stageId: lead?.id,
        value: '70.00',
        currency: 'CHF',
        expectedCloseDate: '2031-11-01',
      });
      await as(acme.admin).patch(`/api/deals/${closing.id}/stage`, { stageId: won?.id });
      await t.db.query(`UPDATE deal SET closed_at = '2031-12-15T12:00:00Z' WHERE id = $1`, [closing.id]);
      expect(inDecember).toHaveLength(2);
      const response = await as(viewer).get(
        `/api/deals/forecast?from=2031-11-01&to=2032-01-31&interval=month&pipelineId=${pipeline.body.id}`,
      );
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body).toEqual({
        interval: 'month',
        from: '2031-11-01',
        to: '2032-01-31',
        periods: [
          { period: '2031-11', start: '2031-11-01', end: '2031-11-30', totals: [] },
          {
            period: '2031-12',
            start: '2031-12-01',
            end: '2031-12-31',
            totals: [
              {
                currency: 'CHF',
                openCount: 2,
                openValue: '0.30',
                weightedValue: '0.11',
                wonCount: 1,
                wonValue: '70.00',
              },
            ],
          },
          {
            period: '2032-01',
            start: '2032-01-01',
            end: '2032-01-31',
            totals: [
              { currency: 'JPY', openCount: 1, openValue: '500', weightedValue: '50', wonCount: 0, wonValue: '0' },
            ],
          },
        ],
      });
      const quarters = await as(viewer).get(
        `/api/deals/forecast?from=2031-10-01&to=2032-03-31&interval=quarter&pipelineId=${pipeline.body.id}`,
      );
      expect(
        quarters.body.periods.map((period: { period: string; totals: unknown[] }) => [
          period.period,
          period.totals.length,
        ]),
      ).toEqual([
        ['2031-Q4', 1],
        ['2032-Q1', 1],
      ]);
    });

    it('refuses bad ranges with 400 and a GUEST with 403', async () => {
      expectProblem(await as(viewer).get('/api/deals/forecast'), 400, 'VALIDATION_FAILED', ['from', 'to']);
      expectProblem(await as(viewer).get('/api/deals/forecast?from=2026-02-01&to=2026-01-01'), 400, 'INVALID_RANGE', [
        'to',
      ]);
      expectProblem(
        await as(viewer).get('/api/deals/forecast?from=2026-01-01&to=2026-02-01&interval=week'),
        400,
        'VALIDATION_FAILED',
        ['interval'],
      );
      expectProblem(await as(guest).get('/api/deals/forecast?from=2026-01-01&to=2026-02-01'), 403, 'FORBIDDEN');
      const other = await as(globex.admin).get(
        `/api/deals/forecast?from=2026-01-01&to=2026-02-01&pipelineId=${pipelineId}`,
      );
      expect(other.body.periods.every((period: { totals: unknown[] }) => period.totals.length === 0)).toBe(true);
    });
  });

  describe('a deleted customer', () => {
    it('leaves its deals, unlinked from it, with a deal.updated each', async () => {
      const customerId = await created('/api/crm/customers', { name: `Gone ${unique()}` });
      const deal = await createDeal({ customerId });
      expect((await as(acme.admin).delete(`/api/crm/customers/${customerId}`)).status).toBe(204);
      expect(await row(deal.id)).toMatchObject({ customer_id: null, deleted_at: null });
      expect((await as(viewer).get(`/api/deals/${deal.id}`)).body.customerId).toBeNull();
      expect(await events(deal.id)).toEqual(['deal.created', 'deal.updated']);
    });
  });

  describe('DELETE /api/deals/:id', () => {
    it('soft-deletes with ORG_DEAL_EDIT; an AGENT cannot, not even its own; another tenant gets 404', async () => {
      const own = await createDeal({}, agent);
      expectProblem(await as(agent).delete(`/api/deals/${own.id}`), 403, 'FORBIDDEN');
      expectProblem(await as(globex.admin).delete(`/api/deals/${own.id}`), 404, 'DEAL_NOT_FOUND');
      expect((await as(manager).delete(`/api/deals/${own.id}`)).status).toBe(204);
      expect((await row(own.id)).deleted_at).not.toBeNull();
      expect(await events(own.id)).toEqual(['deal.created', 'deal.deleted']);
      expectProblem(await as(viewer).get(`/api/deals/${own.id}`), 404, 'DEAL_NOT_FOUND');
      expectProblem(await as(manager).delete(`/api/deals/${own.id}`), 404, 'DEAL_NOT_FOUND');
    });
  });
});
