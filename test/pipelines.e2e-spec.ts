import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  pipelineId: string;
  name: string;
  position: number;
  probability: number;
  kind: 'OPEN' | 'WON' | 'LOST';
  rottenAfterDays: number | null;
}

interface PipelineBody {
  id: string;
  organizationId: string;
  name: string;
  stages: StageBody[];
  version: number;
}

const DEFAULT_STAGES = [
  { name: 'Lead', position: 0, probability: 10, kind: 'OPEN' },
  { name: 'Qualified', position: 1, probability: 25, kind: 'OPEN' },
  { name: 'Proposal', position: 2, probability: 50, kind: 'OPEN' },
  { name: 'Negotiation', position: 3, probability: 75, kind: 'OPEN' },
  { name: 'Won', position: 4, probability: 100, kind: 'WON' },
  { name: 'Lost', position: 5, probability: 0, kind: 'LOST' },
];

describe('pipelines', () => {
  let t: TestApp;
  let acme: TenantFixture;
  let globex: TenantFixture;
  let viewer: Session;
  let agent: Session;
  let manager: Session;
  let guest: Session;
  let branchId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ acme, globex, viewer, agent, manager, guest, branchId } = await createCrmWorld(t.http));
  });
  afterAll(async () => {
    await t.close();
  });

  const as = (session: Session, organizationId?: string): MemberRequests =>
    requestsIn(t.http, { acme, globex }, session, organizationId);

  async function pipelinesOf(session: Session, organizationId?: string): Promise<PipelineBody[]> {
    const response = await as(session, organizationId).get('/api/pipelines');
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.items as PipelineBody[];
  }

  async function createPipeline(body: object = {}, session: Session = acme.admin): Promise<PipelineBody> {
    const response = await as(session).post('/api/pipelines', { name: `Pipeline ${unique()}`, ...body });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as PipelineBody;
  }

  async function createDeal(stageId: string, body: object = {}): Promise<{ id: string; status: string }> {
    const response = await as(acme.admin).post('/api/deals', { title: `Deal ${unique()}`, stageId, ...body });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as { id: string; status: string };
  }

  async function events(entityId: string): Promise<string[]> {
    const rows: Array<{ type: string }> = await t.db.query(
      `SELECT type FROM outbox_event WHERE entity_id = $1 ORDER BY position`,
      [entityId],
    );
    return rows.map((row) => row.type);
  }

  const stageOf = (pipeline: PipelineBody, name: string): StageBody => {
    const stage = pipeline.stages.find((each) => each.name === name);
    if (stage === undefined) throw new Error(`no stage ${name}`);
    return stage;
  };

  describe('the default pipeline', () => {
    it('every organization gets Lead, Qualified, Proposal, Negotiation, Won, Lost when it is created', async () => {
      for (const [session, organizationId] of [
        [acme.admin, acme.organizationId],
        [globex.admin, globex.organizationId],
        [acme.admin, branchId],
      ] as const) {
        const [pipeline, ...others] = await pipelinesOf(session, organizationId);
        expect(others).toEqual([]);
        expect(pipeline).toMatchObject({ name: 'Sales', organizationId });
        expect(
          pipeline?.stages.map(({ name, position, probability, kind }) => ({ name, position, probability, kind })),
        ).toEqual(DEFAULT_STAGES);
      }
      const rows: Array<{ tenant_id: string; count: string }> = await t.db.query(
        `SELECT tenant_id, count(*) FROM pipeline_stage WHERE organization_id = $1 AND deleted_at IS NULL GROUP BY tenant_id`,
        [branchId],
      );
      expect(rows).toEqual([{ tenant_id: acme.tenantId, count: '6' }]);
      const [created] = await t.db.query(
        `SELECT type, organization_id FROM outbox_event WHERE type = 'pipeline.created' AND organization_id = $1`,
        [branchId],
      );
      expect(created).toEqual({ type: 'pipeline.created', organization_id: branchId });
    });
  });

  describe('POST /api/pipelines', () => {
    it('creates a pipeline with its stages in order and records pipeline.created', async () => {
      const pipeline = await createPipeline({
        name: 'Renewals',
        stages: [
          { name: 'Due', probability: 60, rottenAfterDays: 14 },
          { name: 'Renewed', kind: 'WON' },
          { name: 'Churned', kind: 'LOST' },
        ],
      });
      expect(pipeline).toMatchObject({ name: 'Renewals', organizationId: acme.organizationId, version: 1 });
      expect(
        pipeline.stages.map(({ name, position, probability, kind, rottenAfterDays }) => [
          name,
          position,
          probability,
          kind,
          rottenAfterDays,
        ]),
      ).toEqual([
        ['Due', 0, 60, 'OPEN', 14],
        ['Renewed', 1, 100, 'WON', null],
        ['Churned', 2, 0, 'LOST', null],
      ]);
      const rows: Array<{ name: string; tenant_id: string }> = await t.db.query(
        `SELECT name, tenant_id FROM pipeline WHERE id = $1 AND deleted_at IS NULL`,
        [pipeline.id],
      );
      expect(rows).toEqual([{ name: 'Renewals', tenant_id: acme.tenantId }]);
      expect(await events(pipeline.id)).toEqual(['pipeline.created']);
    });

    it('without stages it gets the default six', async () => {
      const pipeline = await createPipeline();
      expect(pipeline.stages.map((stage) => stage.name)).toEqual(DEFAULT_STAGES.map((stage) => stage.name));
    });

    it('refuses bad input with 400 naming the field', async () => {
      const admin = as(acme.admin);
      expectProblem(await admin.post('/api/pipelines', {}), 400, 'VALIDATION_FAILED', ['name']);
      expectProblem(
        await admin.post('/api/pipelines', {
          name: `P ${unique()}`,
          stages: [
            { name: 'A', probability: 10 },
            { name: 'B', probability: 20 },
            { name: 'Lost', kind: 'LOST' },
          ],
        }),
        400,
        'PIPELINE_STAGES_RULE',
        ['stages'],
      );
      expectProblem(
        await admin.post('/api/pipelines', {
          name: `P ${unique()}`,
          stages: [{ name: 'A' }, { name: 'W', kind: 'WON' }, { name: 'L', kind: 'LOST' }],
        }),
        400,
        'STAGE_PROBABILITY_REQUIRED',
        ['stages.0.probability'],
      );
      expectProblem(
        await admin.post('/api/pipelines', {
          name: `P ${unique()}`,
          stages: [
            { name: 'A', probability: 101 },
            { name: 'W', kind: 'WON' },
            { name: 'L', kind: 'DRAW' },
          ],
        }),
        400,
        'VALIDATION_FAILED',
        ['stages.0.probability', 'stages.2.kind'],
      );
      expectProblem(
        await admin.post('/api/pipelines', { name: 'X', tenantId: globex.tenantId }),
        400,
        'VALIDATION_FAILED',
        ['tenantId'],
      );
    });

    it('a second pipeline of the same name is a 409', async () => {
      await createPipeline({ name: 'Partners' });
      expectProblem(await as(acme.admin).post('/api/pipelines', { name: 'partners' }), 409, 'PIPELINE_NAME_TAKEN');
    });

    it('needs ORG_PIPELINE_EDIT: a VIEWER, an AGENT and a GUEST get 403; a MANAGER may', async () => {
      for (const session of [viewer, agent, guest]) {
        expectProblem(await as(session).post('/api/pipelines', { name: `P ${unique()}` }), 403, 'FORBIDDEN');
      }
      await createPipeline({}, manager);
    });
  });

  describe('GET /api/pipelines[/:id]', () => {
    it('a VIEWER reads; a GUEST gets 403; another tenant gets 404; a bad id is a 400', async () => {
      const [pipeline] = await pipelinesOf(viewer);
      expect(pipeline?.name).toBe('Sales');
      const one = await as(viewer).get(`/api/pipelines/${pipeline?.id}`);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ id: pipeline?.id, stages: pipeline?.stages });
      expect(one.headers.etag).toBe('"1"');
      expectProblem(await as(guest).get('/api/pipelines'), 403, 'FORBIDDEN');
      expectProblem(await as(globex.admin).get(`/api/pipelines/${pipeline?.id}`), 404, 'PIPELINE_NOT_FOUND');
      expectProblem(await as(acme.admin).get('/api/pipelines/nope'), 400, 'VALIDATION_FAILED', ['id']);
      const globexList = await pipelinesOf(globex.admin);
      expect(globexList.map((each) => each.id)).not.toContain(pipeline?.id);
    });

    it('answers Gauzy pagination: take, skip, where[name], relations[]', async () => {
      await createPipeline({ name: `Gauzy ${unique()}` });
      const response = await as(acme.admin).get(
        '/api/pipelines/pagination?take=1&skip=0&where[name]=gauzy&relations[]=stages',
      );
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body.items).toHaveLength(1);
      expect(response.body.items[0].name).toMatch(/^Gauzy /);
      expect(response.body.items[0].stages).toHaveLength(6);
      expectProblem(await as(acme.admin).get('/api/pipelines/pagination?take=1&limit=1'), 400, 'VALIDATION_FAILED', [
        'take',
      ]);
      expectProblem(await as(acme.admin).get('/api/pipelines/pagination?relations[]=deals'), 400, 'VALIDATION_FAILED', [
        'relations',
      ]);
      expectProblem(await as(guest).get('/api/pipelines/pagination'), 403, 'FORBIDDEN');
    });

    it('checks where[organizationId] against your memberships: yours narrows the list, another tenant’s is a 404', async () => {
      const branch = await t.http
        .get(`/api/pipelines/pagination?take=100&where[organizationId]=${branchId}`)
        .set(bearer(acme.admin));
      expect(branch.status, JSON.stringify(branch.body)).toBe(200);
      expect(branch.body.items.length).toBeGreaterThan(0);
      expect(new Set(branch.body.items.map((item: { organizationId: string }) => item.organizationId))).toEqual(
        new Set([branchId]),
      );
      expectProblem(
        await as(acme.admin).get(`/api/pipelines/pagination?where[organizationId]=${globex.organizationId}`),
        404,
        'ORGANIZATION_NOT_FOUND',
      );
    });
  });

  describe('PATCH and DELETE /api/pipelines/:id', () => {
    it('renames a pipeline and records pipeline.updated; others get 403 or 404', async () => {
      const pipeline = await createPipeline();
      const response = await as(acme.admin).patch(`/api/pipelines/${pipeline.id}`, { name: 'Enterprise' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ name: 'Enterprise', version: 2 });
      expectProblem(
        await as(acme.admin).patch(`/api/pipelines/${pipeline.id}`, { name: '' }),
        400,
        'VALIDATION_FAILED',
        ['name'],
      );
      expectProblem(await as(viewer).patch(`/api/pipelines/${pipeline.id}`, { name: 'V' }), 403, 'FORBIDDEN');
      expectProblem(
        await as(globex.admin).patch(`/api/pipelines/${pipeline.id}`, { name: 'G' }),
        404,
        'PIPELINE_NOT_FOUND',
      );
      expect(await events(pipeline.id)).toEqual(['pipeline.created', 'pipeline.updated']);
    });

    it('deletes a pipeline without deals, its stages with it', async () => {
      const pipeline = await createPipeline();
      expectProblem(await as(globex.admin).delete(`/api/pipelines/${pipeline.id}`), 404, 'PIPELINE_NOT_FOUND');
      expectProblem(await as(manager).delete(`/api/pipelines/${pipeline.id}?moveTo=nope`), 400, 'VALIDATION_FAILED', [
        'moveTo',
      ]);
      // A named target is checked even when no deal would move: another tenant's stage is a 404 on moveTo.
      const [globexPipeline] = await pipelinesOf(globex.admin);
      const foreign = await as(manager).delete(`/api/pipelines/${pipeline.id}?moveTo=${globexPipeline?.stages[0]?.id}`);
      expectProblem(foreign, 404, 'PIPELINE_STAGE_NOT_FOUND', ['moveTo']);
      expect(
        (await t.db.query(`SELECT deleted_at FROM pipeline WHERE id = $1`, [pipeline.id]))[0].deleted_at,
      ).toBeNull();
      expect((await as(manager).delete(`/api/pipelines/${pipeline.id}`)).status).toBe(204);
      const [row] = await t.db.query(
        `SELECT deleted_at IS NOT NULL AS deleted,
                (SELECT count(*) FROM pipeline_stage WHERE pipeline_id = $1 AND deleted_at IS NULL)::int AS live_stages
           FROM pipeline WHERE id = $1`,
        [pipeline.id],
      );
      expect(row).toEqual({ deleted: true, live_stages: 0 });
      expectProblem(await as(acme.admin).get(`/api/pipelines/${pipeline.id}`), 404, 'PIPELINE_NOT_FOUND');
    });

    it('a pipeline with deals needs ?moveTo: open deals go to that stage, won and lost ones to its closing stages', async () => {
      const source = await createPipeline();
      const target = await createPipeline();
      const open = await createDeal(stageOf(source, 'Proposal').id);
      const won = await createDeal(stageOf(source, 'Lead').id);
      expect(
        (await as(acme.admin).patch(`/api/deals/${won.id}/stage`, { stageId: stageOf(source, 'Won').id })).status,
      ).toBe(200);

      expectProblem(await as(acme.admin).delete(`/api/pipelines/${source.id}`), 409, 'STAGE_HAS_DEALS');
      expectProblem(
        await as(acme.admin).delete(`/api/pipelines/${source.id}?moveTo=${stageOf(source, 'Lead').id}`),
        400,
        'INVALID_MOVE_TARGET',
        ['moveTo'],
      );
      expectProblem(
        await as(acme.admin).delete(`/api/pipelines/${source.id}?moveTo=${stageOf(target, 'Won').id}`),
        400,
        'INVALID_MOVE_TARGET',
        ['moveTo'],
      );
      const [globexPipeline] = await pipelinesOf(globex.admin);
      expectProblem(
        await as(acme.admin).delete(`/api/pipelines/${source.id}?moveTo=${globexPipeline?.stages[0]?.id}`),
        404,
        'PIPELINE_STAGE_NOT_FOUND',
      );
      expect((await t.db.query(`SELECT deleted_at FROM pipeline WHERE id = $1`, [source.id]))[0].deleted_at).toBeNull();

      const response = await as(acme.admin).delete(
        `/api/pipelines/${source.id}?moveTo=${stageOf(target, 'Qualified').id}`,
      );
      expect(response.status, JSON.stringify(response.body)).toBe(204);
      const rows: Array<{ id: string; pipeline_id: string; stage_id: string; status: string; deleted: boolean }> =
        await t.db.query(
          `SELECT id, pipeline_id, stage_id, status, deleted_at IS NOT NULL AS deleted FROM deal WHERE id = ANY($1) ORDER BY title`,
          [[open.id, won.id]],
        );
      expect(rows).toEqual(
        expect.arrayContaining([
          {
            id: open.id,
            pipeline_id: target.id,
            stage_id: stageOf(target, 'Qualified').id,
            status: 'OPEN',
            deleted: false,
          },
          { id: won.id, pipeline_id: target.id, stage_id: stageOf(target, 'Won').id, status: 'WON', deleted: false },
        ]),
      );
      expect(await events(open.id)).toEqual(['deal.created', 'deal.stage_changed']);
      expect(await events(source.id)).toEqual(['pipeline.created', 'pipeline.deleted']);
    });
  });

  describe('stages', () => {
    it('lists and reads the stages of a pipeline; a stage of another pipeline is a 404', async () => {
      const pipeline = await createPipeline();
      const other = await createPipeline();
      const list = await as(viewer).get(`/api/pipelines/${pipeline.id}/stages`);
      expect(list.status).toBe(200);
      expect(list.body.total).toBe(6);
      expect(list.body.items.map((stage: StageBody) => stage.name)).toEqual(DEFAULT_STAGES.map((stage) => stage.name));
      const lead = stageOf(pipeline, 'Lead');
      const one = await as(viewer).get(`/api/pipelines/${pipeline.id}/stages/${lead.id}`);
      expect(one.body).toMatchObject({ id: lead.id, name: 'Lead', kind: 'OPEN', probability: 10 });
      expectProblem(
        await as(viewer).get(`/api/pipelines/${other.id}/stages/${lead.id}`),
        404,
        'PIPELINE_STAGE_NOT_FOUND',
      );
      expectProblem(await as(globex.admin).get(`/api/pipelines/${pipeline.id}/stages`), 404, 'PIPELINE_NOT_FOUND');
      expectProblem(await as(guest).get(`/api/pipelines/${pipeline.id}/stages/${lead.id}`), 403, 'FORBIDDEN');
    });

    it('adds a stage at a position and moves the later ones down; the stage rules hold', async () => {
      const pipeline = await createPipeline();
      const response = await as(acme.admin).post(`/api/pipelines/${pipeline.id}/stages`, {
        name: 'Demo',
        probability: 40,
        position: 2,
        rottenAfterDays: 5,
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      expect(response.body).toMatchObject({
        name: 'Demo',
        position: 2,
        probability: 40,
        kind: 'OPEN',
        rottenAfterDays: 5,
      });
      const rows: Array<{ name: string; position: number }> = await t.db.query(
        `SELECT name, position FROM pipeline_stage WHERE pipeline_id = $1 AND deleted_at IS NULL ORDER BY position`,
        [pipeline.id],
      );
      expect(rows.map((row) => `${row.position}:${row.name}`)).toEqual([
        '0:Lead',
        '1:Qualified',
        '2:Demo',
        '3:Proposal',
        '4:Negotiation',
        '5:Won',
        '6:Lost',
      ]);
      expect(await events(response.body.id)).toEqual(['pipeline_stage.created']);

      const url = `/api/pipelines/${pipeline.id}/stages`;
      expectProblem(await as(acme.admin).post(url, { name: 'Won again', kind: 'WON' }), 409, 'PIPELINE_STAGES_RULE');
      expectProblem(await as(acme.admin).post(url, { name: 'Lead', probability: 5 }), 409, 'STAGE_NAME_TAKEN');
      expectProblem(await as(acme.admin).post(url, { name: 'No chance' }), 400, 'STAGE_PROBABILITY_REQUIRED', [
        'probability',
      ]);
      expectProblem(
        await as(acme.admin).post(url, { name: 'X', probability: -1, rottenAfterDays: 0 }),
        400,
        'VALIDATION_FAILED',
        ['probability', 'rottenAfterDays'],
      );
      expectProblem(await as(agent).post(url, { name: 'Agent', probability: 5 }), 403, 'FORBIDDEN');
      expectProblem(await as(globex.admin).post(url, { name: 'Globex', probability: 5 }), 404, 'PIPELINE_NOT_FOUND');
    });

    it('changes the name, probability and rotting threshold of a stage, never its kind', async () => {
      const pipeline = await createPipeline();
      const proposal = stageOf(pipeline, 'Proposal');
      const url = `/api/pipelines/${pipeline.id}/stages/${proposal.id}`;
      const response = await as(manager).patch(url, { name: 'Offer', probability: 55, rottenAfterDays: 10 });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ name: 'Offer', probability: 55, rottenAfterDays: 10, version: 2 });
      expect((await as(manager).patch(url, { rottenAfterDays: null })).body.rottenAfterDays).toBeNull();
      expectProblem(await as(manager).patch(url, { kind: 'WON' }), 400, 'VALIDATION_FAILED', ['kind']);
      expectProblem(await as(manager).patch(url, { name: 'lead' }), 409, 'STAGE_NAME_TAKEN');
      expectProblem(await as(manager).patch(url, { probability: 200 }), 400, 'VALIDATION_FAILED', ['probability']);
      expectProblem(await as(manager).patch(url, { name: null }), 400, 'VALIDATION_FAILED', ['name']);
      expectProblem(await as(viewer).patch(url, { name: 'V' }), 403, 'FORBIDDEN');
      expectProblem(await as(globex.admin).patch(url, { name: 'G' }), 404, 'PIPELINE_NOT_FOUND');
      expect(await events(proposal.id)).toEqual(['pipeline_stage.updated', 'pipeline_stage.updated']);
      const [row] = await t.db.query(`SELECT name, probability, rotten_after_days FROM pipeline_stage WHERE id = $1`, [
        proposal.id,
      ]);
      expect(row).toEqual({ name: 'Offer', probability: 55, rotten_after_days: null });
    });

    it('PUT stages/order reorders every stage in one call, and refuses a partial order without changing anything', async () => {
      const pipeline = await createPipeline();
      const ids = pipeline.stages.map((stage) => stage.id);
      const reordered = [ids[1], ids[0], ids[3], ids[2], ids[5], ids[4]] as string[];
      const response = await as(acme.admin).put(`/api/pipelines/${pipeline.id}/stages/order`, { stageIds: reordered });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body.stages.map((stage: StageBody) => stage.id)).toEqual(reordered);
      expect(response.body.stages.map((stage: StageBody) => stage.position)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(response.body.version).toBe(2);
      const stored: Array<{ id: string }> = await t.db.query(
        `SELECT id FROM pipeline_stage WHERE pipeline_id = $1 AND deleted_at IS NULL ORDER BY position`,
        [pipeline.id],
      );
      expect(stored.map((row) => row.id)).toEqual(reordered);
      expect(await events(pipeline.id)).toEqual(['pipeline.created', 'pipeline.stages_reordered']);

      for (const stageIds of [
        reordered.slice(1),
        [...reordered.slice(1), reordered[1]],
        [...reordered.slice(1), pipeline.id],
      ]) {
        expectProblem(
          await as(acme.admin).put(`/api/pipelines/${pipeline.id}/stages/order`, { stageIds }),
          400,
          'STAGE_ORDER_INCOMPLETE',
          ['stageIds'],
        );
      }
      expectProblem(
        await as(acme.admin).put(`/api/pipelines/${pipeline.id}/stages/order`, { stageIds: ['x'] }),
        400,
        'VALIDATION_FAILED',
        ['stageIds'],
      );
      const after: Array<{ id: string }> = await t.db.query(
        `SELECT id FROM pipeline_stage WHERE pipeline_id = $1 AND deleted_at IS NULL ORDER BY position`,
        [pipeline.id],
      );
      expect(after.map((row) => row.id)).toEqual(reordered);
      expectProblem(
        await as(viewer).put(`/api/pipelines/${pipeline.id}/stages/order`, { stageIds: reordered }),
        403,
        'FORBIDDEN',
      );
      expectProblem(
        await as(globex.admin).put(`/api/pipelines/${pipeline.id}/stages/order`, { stageIds: reordered }),
        404,
        'PIPELINE_NOT_FOUND',
      );
    });

    it('deletes a stage without deals and closes the gap; never the WON, LOST or last OPEN stage', async () => {
      const pipeline = await createPipeline({
        stages: [
          { name: 'Only', probability: 50 },
          { name: 'Spare', probability: 60 },
          { name: 'W', kind: 'WON' },
          { name: 'L', kind: 'LOST' },
        ],
      });
      const url = (name: string): string => `/api/pipelines/${pipeline.id}/stages/${stageOf(pipeline, name).id}`;
      expectProblem(await as(acme.admin).delete(url('W')), 409, 'PIPELINE_STAGES_RULE');
      expectProblem(await as(acme.admin).delete(url('L')), 409, 'PIPELINE_STAGES_RULE');
      expectProblem(await as(viewer).delete(url('Spare')), 403, 'FORBIDDEN');
      expectProblem(await as(globex.admin).delete(url('Spare')), 404, 'PIPELINE_NOT_FOUND');
      const [globexPipeline] = await pipelinesOf(globex.admin);
      expectProblem(
        await as(acme.admin).delete(`${url('Only')}?moveTo=${globexPipeline?.stages[0]?.id}`),
        404,
        'PIPELINE_STAGE_NOT_FOUND',
        ['moveTo'],
      );
      expect((await as(acme.admin).delete(url('Only'))).status).toBe(204);
      expectProblem(await as(acme.admin).delete(url('Spare')), 409, 'PIPELINE_STAGES_RULE');
      const rows: Array<{ name: string; position: number }> = await t.db.query(
        `SELECT name, position FROM pipeline_stage WHERE pipeline_id = $1 AND deleted_at IS NULL ORDER BY position`,
        [pipeline.id],
      );
      expect(rows).toEqual([
        { name: 'Spare', position: 0 },
        { name: 'W', position: 1 },
        { name: 'L', position: 2 },
      ]);
      expect(await events(stageOf(pipeline, 'Only').id)).toEqual(['pipeline_stage.deleted']);
    });

    it('a stage with deals is deleted only with ?moveTo=<another OPEN stage>, and its deals move there', async () => {
      const pipeline = await createPipeline();
      const lead = stageOf(pipeline, 'Lead');
      const proposal = stageOf(pipeline, 'Proposal');
      const deals = [await createDeal(lead.id), await createDeal(lead.id)];
      const url = `/api/pipelines/${pipeline.id}/stages/${lead.id}`;
      const refused = await as(acme.admin).delete(url);
      expectProblem(refused, 409, 'STAGE_HAS_DEALS');
      expect(refused.body.dealCount).toBe(2);
      expectProblem(await as(acme.admin).delete(`${url}?moveTo=${lead.id}`), 400, 'INVALID_MOVE_TARGET', ['moveTo']);
      expectProblem(
        await as(acme.admin).delete(`${url}?moveTo=${stageOf(pipeline, 'Won').id}`),
        400,
        'INVALID_MOVE_TARGET',
        ['moveTo'],
      );
      const [globexPipeline] = await pipelinesOf(globex.admin);
      expectProblem(
        await as(acme.admin).delete(`${url}?moveTo=${globexPipeline?.stages[0]?.id}`),
        404,
        'PIPELINE_STAGE_NOT_FOUND',
      );
      const [branchPipeline] = await pipelinesOf(acme.admin, branchId);
      expectProblem(
        await as(acme.admin).delete(`${url}?moveTo=${branchPipeline?.stages[0]?.id}`),
        404,
        'PIPELINE_STAGE_NOT_FOUND',
      );

      expect((await as(acme.admin).delete(`${url}?moveTo=${proposal.id}`)).status).toBe(204);
      const rows: Array<{ stage_id: string; deleted_at: Date | null }> = await t.db.query(
        `SELECT stage_id, deleted_at FROM deal WHERE id = ANY($1)`,
        [deals.map((deal) => deal.id)],
      );
      expect(rows).toEqual([
        { stage_id: proposal.id, deleted_at: null },
        { stage_id: proposal.id, deleted_at: null },
      ]);
      const [stage] = await t.db.query(`SELECT deleted_at IS NOT NULL AS deleted FROM pipeline_stage WHERE id = $1`, [
        lead.id,
      ]);
      expect(stage).toEqual({ deleted: true });
      expect(await events(deals[0]?.id ?? '')).toEqual(['deal.created', 'deal.stage_changed']);
    });
  });

  describe('GET /api/pipelines/:id/deals', () => {
    it('lists the deals of a pipeline in stage order', async () => {
      const pipeline = await createPipeline();
      const negotiation = await createDeal(stageOf(pipeline, 'Negotiation').id, { title: 'Late' });
      const lead = await createDeal(stageOf(pipeline, 'Lead').id, { title: 'Early' });
      const response = await as(viewer).get(`/api/pipelines/${pipeline.id}/deals`);
      expect(response.status).toBe(200);
      expect(response.body.total).toBe(2);
      expect(response.body.items.map((deal: { id: string }) => deal.id)).toEqual([lead.id, negotiation.id]);
      expect(response.body.items[0]).toMatchObject({ title: 'Early', stage: { name: 'Lead' } });
      expectProblem(await as(globex.admin).get(`/api/pipelines/${pipeline.id}/deals`), 404, 'PIPELINE_NOT_FOUND');
      expectProblem(await as(guest).get(`/api/pipelines/${pipeline.id}/deals`), 403, 'FORBIDDEN');
      expectProblem(await as(viewer).get(`/api/pipelines/${pipeline.id}/deals?limit=0`), 400, 'VALIDATION_FAILED', [
        'limit',
      ]);
    });
  });
});
