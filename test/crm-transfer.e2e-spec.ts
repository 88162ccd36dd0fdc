import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrmTransferParticipants } from '@clientele/crm';
import {
  bearer,
  createCrmWorld,
  createTestApp,
  crmRecords,
  type CrmRecords,
  type CrmWorld,
  expectProblem,
  requestsIn,
  type Session,
  type TestApp,
  unique,
} from '@clientele/testing';

interface MergedPair {
  sourceId: string;
  targetId: string;
  label: string;
}

interface TransferReport {
  sourceOrganizationId: string;
  targetOrganizationId: string;
  dryRun: boolean;
  entities: Array<{ entity: string; moved: number; merged: MergedPair[] }>;
}

/** What one source organization holds before the transfer, and the target's twins. */
interface Seeded {
  sourceId: string;
  targetId: string;
  survivor: { id: string; email: string };
  survivorCustomer: string;
  survivorTag: string;
  duplicate: string;
  movingContact: string;
  duplicateCustomer: string;
  movingCustomer: string;
  duplicateTag: string;
  movingTag: string;
  ticket: string;
  comment: string;
  deal: string;
  activity: string;
  note: string;
  contract: string;
  asset: string;
  project: string;
}

/** Tables whose rows a transfer moves: contents hashed per organization to prove a dry run writes nothing. */
const MOVED_TABLES = [
  'contact',
  'customer',
  'tag',
  'contact_tag',
  'customer_tag',
  'contact_member',
  'ticket',
  'ticket_contact',
  'ticket_tag',
  'ticket_comment',
  'deal',
  'deal_tag',
  'activity',
  'activity_contact',
  'note',
  'contract',
  'asset',
  'project',
  'project_contact',
  'record_count',
  'contact_facet_count',
  'ticket_facet_count',
  'deal_facet_count',
  'outbox_event',
  'audit_entry',
];

describe('POST /api/organizations/:id/transfer-crm', () => {
  let t: TestApp;
  let world: CrmWorld;
  let records: CrmRecords;

  beforeAll(async () => {
    t = await createTestApp();
    world = await createCrmWorld(t.http);
    records = crmRecords(t.http, world);
  });
  afterAll(async () => {
    await t.close();
  });

  const admin = (): Session => world.acme.admin;

  async function newOrganization(session: Session = admin()): Promise<string> {
    const response = await t.http
      .post('/api/organizations')
      .set(bearer(session))
      .send({ name: `Org ${unique()}` });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return (response.body as { id: string }).id;
  }

  function transfer(sourceId: string, body: object, session: Session = admin()) {
    return t.http.post(`/api/organizations/${sourceId}/transfer-crm`).set(bearer(session)).send(body);
  }

  async function created(session: Session, organizationId: string, path: string, body: object): Promise<string> {
    const response = await requestsIn(t.http, world, session, organizationId).post(path, body);
    expect(response.status, `POST ${path}: ${JSON.stringify(response.body)}`).toBe(201);
    return (response.body as { id: string }).id;
  }

  /**
   * A target with a contact, a customer and a tag that the source also has (e-mail and names in
   * another case), and a source whose ticket, deal, activity and note hang from the duplicates.
   */
  async function seed(): Promise<Seeded> {
    const sourceId = await newOrganization();
    const targetId = await newOrganization();
    const id = unique();
    const survivorTag = (await records.createTag(admin(), { name: `VIP ${id}` }, targetId)).id;
    const survivorCustomer = (await records.createCustomer(admin(), { name: `Northwind ${id}` }, targetId)).id;
    const survivorEmail = `Ada-${id}@Example.test`;
    const survivor = await records.createContact(
      admin(),
      { email: survivorEmail, customerId: survivorCustomer, tagIds: [survivorTag] },
      targetId,
    );

    const duplicateTag = (await records.createTag(admin(), { name: `vip ${id}` }, sourceId)).id;
    const movingTag = (await records.createTag(admin(), { name: `Moving ${id}` }, sourceId)).id;
    const duplicateCustomer = (await records.createCustomer(admin(), { name: `NORTHWIND ${id}` }, sourceId)).id;
    const movingCustomer = (await records.createCustomer(admin(), { name: `Contoso ${id}` }, sourceId)).id;
    const duplicate = (
      await records.createContact(
        admin(),
        { email: survivorEmail.toLowerCase(), customerId: duplicateCustomer, tagIds: [duplicateTag, movingTag] },
        sourceId,
      )
    ).id;
    const movingContact = (await records.createContact(admin(), { customerId: duplicateCustomer }, sourceId)).id;
    const ticket = (
      await records.createTicket(
        admin(),
        { customerId: duplicateCustomer, contactIds: [duplicate, movingContact], tagIds: [duplicateTag] },
        sourceId,
      )
    ).id;
    const commented = await requestsIn(t.http, world, admin(), sourceId).post(`/api/tickets/${ticket}/comments`, {
      body: 'Still broken',
    });
    expect(commented.status, JSON.stringify(commented.body)).toBe(201);
    const comment = (commented.body as { comment: { id: string } }).comment.id;
    const deal = await created(admin(), sourceId, '/api/deals', {
      title: `Deal ${id}`,
      value: '1200.50',
      contactId: duplicate,
      customerId: movingCustomer,
      tagIds: [movingTag],
    });
    const activity = await created(admin(), sourceId, '/api/activities', {
      type: 'CALL',
      subject: 'Follow up',
      contactIds: [duplicate],
      customerId: duplicateCustomer,
      dealId: deal,
    });
    const note = await created(admin(), sourceId, '/api/notes', { body: 'Prefers e-mail', contactId: duplicate });
    const contract = await created(admin(), sourceId, '/api/contracts', {
      name: `Support ${id}`,
      customerId: duplicateCustomer,
      startDate: '2026-01-01',
      endDate: '2027-12-31',
    });
    const asset = await created(admin(), sourceId, '/api/assets', {
      name: `Laptop ${id}`,
      kind: 'WORKSTATION',
      serialNumber: `SN-${id}`,
      customerId: duplicateCustomer,
      contactId: duplicate,
    });
    const project = await created(admin(), sourceId, '/api/projects', {
      name: `Rollout ${id}`,
      customerId: duplicateCustomer,
      contactIds: [duplicate, movingContact],
    });
    return {
      sourceId,
      targetId,
      survivor: { id: survivor.id, email: survivorEmail },
      survivorCustomer,
      survivorTag,
      duplicate,
      movingContact,
      duplicateCustomer,
      movingCustomer,
      duplicateTag,
      movingTag,
      ticket,
      comment,
      deal,
      activity,
      note,
      contract,
      asset,
      project,
    };
  }

  async function one(sql: string, parameters: unknown[]): Promise<Record<string, unknown>> {
    const rows: Array<Record<string, unknown>> = await t.db.query(sql, parameters);
    expect(rows).toHaveLength(1);
    return rows[0] ?? {};
  }

  /** Every row of the moved tables in these organizations, hashed table by table. */
  async function fingerprint(organizationIds: string[]): Promise<Record<string, string | null>> {
    const hashes: Record<string, string | null> = {};
    for (const table of MOVED_TABLES) {
      const [row] = await t.db.query<Array<{ hash: string | null }>>(
        `SELECT md5(string_agg(row_to_json(t)::text, '|' ORDER BY row_to_json(t)::text)) AS hash
           FROM ${table} t WHERE t.organization_id = ANY($1::uuid[])`,
        [organizationIds],
      );
      hashes[table] = row?.hash ?? null;
    }
    return hashes;
  }

  /** The counters' totals against the rows, for the counted tables in `organizationId`. */
  async function expectCountersExact(organizationId: string): Promise<void> {
    for (const table of ['contact', 'customer', 'ticket', 'deal']) {
      const counted = await one(
        `SELECT coalesce(sum(count), 0)::int AS count FROM record_count WHERE organization_id = $1 AND entity = $2`,
        [organizationId, table],
      );
      const live = await one(
        `SELECT count(*)::int AS count FROM ${table} WHERE organization_id = $1 AND deleted_at IS NULL`,
        [organizationId],
      );
      expect({ table, count: counted.count }).toEqual({ table, count: live.count });
    }
    const facets: Array<[string, string]> = [
      ['contact', `contact_type, lower(status) AS status, owner_id`],
      ['ticket', `status, priority, assignee_id`],
      ['deal', `pipeline_id, stage_id, status, owner_id`],
    ];
    for (const [table, columns] of facets) {
      const names = columns.replace(/lower\(status\) AS /, '');
      const counted = await t.db.query<unknown[]>(
        `SELECT ${names}, count::int AS count FROM ${table}_facet_count
          WHERE organization_id = $1 AND count <> 0 ORDER BY ${names}`,
        [organizationId],
      );
      const live = await t.db.query<unknown[]>(
        `SELECT ${columns}, count(*)::int AS count FROM ${table}
          WHERE organization_id = $1 AND deleted_at IS NULL GROUP BY ${names} ORDER BY ${names}`,
        [organizationId],
      );
      expect({ table, rows: counted }).toEqual({ table, rows: live });
    }
    const as = requestsIn(t.http, world, admin(), organizationId);
    for (const [path, table] of [
      ['/api/crm/contacts', 'contact'],
      ['/api/crm/customers', 'customer'],
      ['/api/tickets', 'ticket'],
      ['/api/deals', 'deal'],
    ] as const) {
      const response = await as.get(path);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const live = await one(
        `SELECT count(*)::int AS count FROM ${table} WHERE organization_id = $1 AND deleted_at IS NULL`,
        [organizationId],
      );
      expect({ path, total: (response.body as { total: number }).total }).toEqual({ path, total: live.count });
    }
    const open = await as.get('/api/tickets?status=OPEN');
    const openLive = await one(
      `SELECT count(*)::int AS count FROM ticket WHERE organization_id = $1 AND deleted_at IS NULL AND status = 'OPEN'`,
      [organizationId],
    );
    expect((open.body as { total: number }).total).toBe(openLive.count);
  }

  describe('happy path with de-duplication', () => {
    let seeded: Seeded;
    let report: TransferReport;

    beforeAll(async () => {
      seeded = await seed();
      const response = await transfer(seeded.sourceId, { targetOrganizationId: seeded.targetId });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      report = response.body as TransferReport;
    });

    it('reports what moved and what merged, entity by entity', async () => {
      const [targetLead] = await t.db.query<Array<{ id: string }>>(
        `SELECT stage.id FROM pipeline_stage stage WHERE stage.organization_id = $1 AND stage.name = 'Lead'`,
        [seeded.targetId],
      );
      const [sourceLead] = await t.db.query<Array<{ id: string }>>(
        `SELECT stage.id FROM pipeline_stage stage WHERE stage.organization_id = $1 AND stage.name = 'Lead'`,
        [seeded.sourceId],
      );
      const email = seeded.survivor.email.toLowerCase();
      expect(report).toEqual({
        sourceOrganizationId: seeded.sourceId,
        targetOrganizationId: seeded.targetId,
        dryRun: false,
        entities: [
          {
            entity: 'tag',
            moved: 1,
            merged: [
              { sourceId: seeded.duplicateTag, targetId: seeded.survivorTag, label: expect.stringMatching(/^vip /) },
            ],
          },
          {
            entity: 'customer',
            moved: 1,
            merged: [
              {
                sourceId: seeded.duplicateCustomer,
                targetId: seeded.survivorCustomer,
                label: expect.stringMatching(/^NORTHWIND /),
              },
            ],
          },
          {
            entity: 'contact',
            moved: 1,
            merged: [{ sourceId: seeded.duplicate, targetId: seeded.survivor.id, label: email }],
          },
          {
            entity: 'pipelineStage',
            moved: 0,
            merged: [{ sourceId: sourceLead?.id, targetId: targetLead?.id, label: expect.stringMatching(/ › Lead$/) }],
          },
          { entity: 'deal', moved: 1, merged: [] },
          { entity: 'activity', moved: 1, merged: [] },
          { entity: 'note', moved: 1, merged: [] },
          { entity: 'ticket', moved: 1, merged: [] },
          { entity: 'contract', moved: 1, merged: [] },
          { entity: 'asset', moved: 1, merged: [] },
          { entity: 'project', moved: 1, merged: [] },
        ],
      });
    });

    it('moves contracts, assets and projects with their customer and people re-pointed to the survivors', async () => {
      expect(await one(`SELECT organization_id, customer_id FROM contract WHERE id = $1`, [seeded.contract])).toEqual({
        organization_id: seeded.targetId,
        customer_id: seeded.survivorCustomer,
      });
      expect(
        await one(`SELECT organization_id, customer_id, contact_id FROM asset WHERE id = $1`, [seeded.asset]),
      ).toEqual({
        organization_id: seeded.targetId,
        customer_id: seeded.survivorCustomer,
        contact_id: seeded.survivor.id,
      });
      expect(await one(`SELECT organization_id, customer_id FROM project WHERE id = $1`, [seeded.project])).toEqual({
        organization_id: seeded.targetId,
        customer_id: seeded.survivorCustomer,
      });
      const links = await t.db.query(
        `SELECT organization_id, contact_id FROM project_contact WHERE project_id = $1 ORDER BY contact_id`,
        [seeded.project],
      );
      expect(links).toEqual(
        [seeded.survivor.id, seeded.movingContact]
          .sort()
          .map((contactId) => ({ organization_id: seeded.targetId, contact_id: contactId })),
      );
      const target = requestsIn(t.http, world, admin(), seeded.targetId);
      const customers = await target.get(`/api/crm/customers?q=${encodeURIComponent('Northwind')}`);
      const survivor = (customers.body.items as Array<{ id: string; contractStatus: string }>).find(
        (row) => row.id === seeded.survivorCustomer,
      );
      expect(survivor?.contractStatus).toBe('ACTIVE');
    });

    it('links the ticket to the surviving target contact instead of the duplicate', async () => {
      const links = await t.db.query(
        `SELECT tenant_id, organization_id, contact_id FROM ticket_contact WHERE ticket_id = $1 ORDER BY contact_id`,
        [seeded.ticket],
      );
      expect(links).toEqual(
        [seeded.survivor.id, seeded.movingContact].sort().map((contactId) => ({
          tenant_id: world.acme.tenantId,
          organization_id: seeded.targetId,
          contact_id: contactId,
        })),
      );
      expect(
        await one(`SELECT organization_id, customer_id, version FROM ticket WHERE id = $1`, [seeded.ticket]),
      ).toEqual({ organization_id: seeded.targetId, customer_id: seeded.survivorCustomer, version: 2 });
      expect(
        await t.db.query(`SELECT tag_id, organization_id FROM ticket_tag WHERE ticket_id = $1`, [seeded.ticket]),
      ).toEqual([{ tag_id: seeded.survivorTag, organization_id: seeded.targetId }]);
      expect(await one(`SELECT organization_id FROM ticket_comment WHERE id = $1`, [seeded.comment])).toEqual({
        organization_id: seeded.targetId,
      });

      const ticket = await requestsIn(t.http, world, admin(), seeded.targetId).get(`/api/tickets/${seeded.ticket}`);
      expect(ticket.status, JSON.stringify(ticket.body)).toBe(200);
      const body = ticket.body as { organizationId: string; contacts: Array<{ id: string }> };
      expect(body.organizationId).toBe(seeded.targetId);
      expect(body.contacts.map((contact) => contact.id).sort()).toEqual(
        [seeded.survivor.id, seeded.movingContact].sort(),
      );
      const survivorTickets = await requestsIn(t.http, world, admin(), seeded.targetId).get(
        `/api/crm/contacts/${seeded.survivor.id}/tickets`,
      );
      expect(survivorTickets.status, JSON.stringify(survivorTickets.body)).toBe(200);
      expect((survivorTickets.body as { items: Array<{ id: string }> }).items.map((item) => item.id)).toContain(
        seeded.ticket,
      );
    });

    it('merges the duplicate contact: removed where it was, its deal, activity, note and tags on the survivor', async () => {
      const duplicate = await one(`SELECT organization_id, deleted_at FROM contact WHERE id = $1`, [seeded.duplicate]);
      expect(duplicate.organization_id).toBe(seeded.sourceId);
      expect(duplicate.deleted_at).not.toBeNull();
      expect(
        await one(`SELECT organization_id, customer_id, deleted_at FROM contact WHERE id = $1`, [seeded.survivor.id]),
      ).toEqual({ organization_id: seeded.targetId, customer_id: seeded.survivorCustomer, deleted_at: null });
      expect(
        await one(`SELECT organization_id, customer_id, deleted_at FROM contact WHERE id = $1`, [seeded.movingContact]),
      ).toEqual({ organization_id: seeded.targetId, customer_id: seeded.survivorCustomer, deleted_at: null });

      const [target] = await t.db.query<Array<{ stage_id: string; pipeline_id: string }>>(
        `SELECT stage.id AS stage_id, stage.pipeline_id FROM pipeline_stage stage
          WHERE stage.organization_id = $1 AND stage.name = 'Lead'`,
        [seeded.targetId],
      );
      expect(
        await one(
          `SELECT organization_id, contact_id, customer_id, stage_id, pipeline_id, value::text AS value FROM deal WHERE id = $1`,
          [seeded.deal],
        ),
      ).toEqual({
        organization_id: seeded.targetId,
        contact_id: seeded.survivor.id,
        customer_id: seeded.movingCustomer,
        stage_id: target?.stage_id,
        pipeline_id: target?.pipeline_id,
        value: '1200.5000',
      });
      expect(
        await one(`SELECT organization_id, customer_id, deal_id FROM activity WHERE id = $1`, [seeded.activity]),
      ).toEqual({
        organization_id: seeded.targetId,
        customer_id: seeded.survivorCustomer,
        deal_id: seeded.deal,
      });
      expect(
        await t.db.query(`SELECT organization_id, contact_id FROM activity_contact WHERE activity_id = $1`, [
          seeded.activity,
        ]),
      ).toEqual([{ organization_id: seeded.targetId, contact_id: seeded.survivor.id }]);
      expect(await one(`SELECT organization_id, contact_id FROM note WHERE id = $1`, [seeded.note])).toEqual({
        organization_id: seeded.targetId,
        contact_id: seeded.survivor.id,
      });
      // The survivor had the VIP tag already: the duplicate's VIP link is not doubled, its other tag moves over.
      expect(
        await t.db.query(`SELECT organization_id, tag_id FROM contact_tag WHERE contact_id = $1 ORDER BY tag_id`, [
          seeded.survivor.id,
        ]),
      ).toEqual(
        [seeded.survivorTag, seeded.movingTag]
          .sort()
          .map((tagId) => ({ organization_id: seeded.targetId, tag_id: tagId })),
      );
      expect(
        await t.db.query(`SELECT count(*)::int AS count FROM contact_tag WHERE contact_id = $1`, [seeded.duplicate]),
      ).toEqual([{ count: 0 }]);
      expect(
        await t.db.query(`SELECT tag_id, organization_id FROM deal_tag WHERE deal_id = $1`, [seeded.deal]),
      ).toEqual([{ tag_id: seeded.movingTag, organization_id: seeded.targetId }]);
    });

    it('merges the duplicate customer and tag, moves the others, and leaves the source without live CRM records', async () => {
      const duplicateCustomer = await one(`SELECT organization_id, deleted_at FROM customer WHERE id = $1`, [
        seeded.duplicateCustomer,
      ]);
      expect(duplicateCustomer.organization_id).toBe(seeded.sourceId);
      expect(duplicateCustomer.deleted_at).not.toBeNull();
      expect(
        await one(`SELECT organization_id, deleted_at FROM customer WHERE id = $1`, [seeded.movingCustomer]),
      ).toEqual({
        organization_id: seeded.targetId,
        deleted_at: null,
      });
      const duplicateTag = await one(`SELECT organization_id, deleted_at FROM tag WHERE id = $1`, [
        seeded.duplicateTag,
      ]);
      expect(duplicateTag.deleted_at).not.toBeNull();
      expect(await one(`SELECT organization_id, deleted_at FROM tag WHERE id = $1`, [seeded.movingTag])).toEqual({
        organization_id: seeded.targetId,
        deleted_at: null,
      });
      for (const table of ['contact', 'customer', 'tag', 'ticket', 'deal', 'activity', 'note']) {
        expect({
          table,
          live: await one(
            `SELECT count(*)::int AS count FROM ${table} WHERE organization_id = $1 AND deleted_at IS NULL`,
            [seeded.sourceId],
          ),
        }).toEqual({ table, live: { count: 0 } });
      }
      for (const table of [
        'contact_tag',
        'customer_tag',
        'ticket_contact',
        'ticket_tag',
        'deal_tag',
        'activity_contact',
        'ticket_comment',
      ]) {
        expect({
          table,
          rows: await one(`SELECT count(*)::int AS count FROM ${table} WHERE organization_id = $1`, [seeded.sourceId]),
        }).toEqual({ table, rows: { count: 0 } });
      }
    });

    it('keeps the counters exact in both organizations', async () => {
      await expectCountersExact(seeded.sourceId);
      await expectCountersExact(seeded.targetId);
    });

    it('records organization.crm_transferred once in each organization, with the report, and its audit entries', async () => {
      const events = await t.db.query<Array<{ type: string; organization_id: string; entity: string; data: unknown }>>(
        `SELECT type, organization_id, entity, data FROM outbox_event
          WHERE entity_id = $1 AND type LIKE 'organization.crm_%' ORDER BY organization_id`,
        [seeded.sourceId],
      );
      expect(
        events.map(({ type, organization_id: organizationId, entity }) => ({ type, organizationId, entity })),
      ).toEqual(
        [seeded.sourceId, seeded.targetId].sort().map((organizationId) => ({
          type: 'organization.crm_transferred',
          organizationId,
          entity: 'organization',
        })),
      );
      expect(events[0]?.data).toEqual({
        sourceOrganizationId: report.sourceOrganizationId,
        targetOrganizationId: report.targetOrganizationId,
        entities: report.entities,
      });
      const audit = await t.db.query(
        `SELECT action, actor_id FROM audit_entry WHERE entity_id = $1 AND action = 'organization.crm_transferred'`,
        [seeded.sourceId],
      );
      expect(audit).toEqual([
        { action: 'organization.crm_transferred', actor_id: admin().userId },
        { action: 'organization.crm_transferred', actor_id: admin().userId },
      ]);
    });

    it('moves nothing more the second time: the source is empty', async () => {
      const again = await transfer(seeded.sourceId, { targetOrganizationId: seeded.targetId, dryRun: true });
      expect(again.status, JSON.stringify(again.body)).toBe(200);
      expect(
        (again.body as TransferReport).entities.map(({ entity, moved, merged }) => [entity, moved, merged.length]),
      ).toEqual([
        ['tag', 0, 0],
        ['customer', 0, 0],
        ['contact', 0, 0],
        ['pipelineStage', 0, 0],
        ['deal', 0, 0],
        ['activity', 0, 0],
        ['note', 0, 0],
        ['ticket', 0, 0],
        ['contract', 0, 0],
        ['asset', 0, 0],
        ['project', 0, 0],
      ]);
    });
  });

  it('dryRun answers the same report as the transfer and writes nothing: no row, no counter, no event', async () => {
    const seeded = await seed();
    const organizations = [seeded.sourceId, seeded.targetId];
    const before = await fingerprint(organizations);
    const outboxBefore = await one(`SELECT count(*)::int AS count FROM outbox_event`, []);

    const dry = await transfer(seeded.sourceId, { targetOrganizationId: seeded.targetId, dryRun: true });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect((dry.body as TransferReport).dryRun).toBe(true);
    expect(await fingerprint(organizations)).toEqual(before);
    expect(await one(`SELECT count(*)::int AS count FROM outbox_event`, [])).toEqual(outboxBefore);
    expect(await one(`SELECT organization_id FROM ticket_contact WHERE contact_id = $1`, [seeded.duplicate])).toEqual({
      organization_id: seeded.sourceId,
    });

    const real = await transfer(seeded.sourceId, { targetOrganizationId: seeded.targetId, dryRun: false });
    expect(real.status, JSON.stringify(real.body)).toBe(200);
    expect({ ...(real.body as TransferReport), dryRun: true }).toEqual(dry.body);
    expect(await fingerprint(organizations)).not.toEqual(before);
  });

  describe('refusals', () => {
    let sourceId: string;
    let targetId: string;
    let contactId: string;

    beforeAll(async () => {
      sourceId = await newOrganization();
      targetId = await newOrganization();
      contactId = (await records.createContact(admin(), {}, sourceId)).id;
    });

    async function expectNothingMoved(): Promise<void> {
      expect(await one(`SELECT organization_id, deleted_at FROM contact WHERE id = $1`, [contactId])).toEqual({
        organization_id: sourceId,
        deleted_at: null,
      });
      expect(
        await t.db.query(
          `SELECT count(*)::int AS count FROM outbox_event WHERE type = 'organization.crm_transferred' AND entity_id = $1`,
          [sourceId],
        ),
      ).toEqual([{ count: 0 }]);
    }

    it('400 on a bad body, naming the field', async () => {
      expectProblem(await transfer(sourceId, {}), 400, 'VALIDATION_FAILED', ['targetOrganizationId']);
      expectProblem(await transfer(sourceId, { targetOrganizationId: 'nope' }), 400, 'VALIDATION_FAILED', [
        'targetOrganizationId',
      ]);
      expectProblem(
        await transfer(sourceId, { targetOrganizationId: targetId, dryRun: 'yes' }),
        400,
        'VALIDATION_FAILED',
        ['dryRun'],
      );
      expectProblem(
        await transfer(sourceId, { targetOrganizationId: targetId, dryRun: null }),
        400,
        'VALIDATION_FAILED',
        ['dryRun'],
      );
      expectProblem(
        await transfer(sourceId, { targetOrganizationId: targetId, tenantId: world.globex.tenantId }),
        400,
        'VALIDATION_FAILED',
      );
      expectProblem(await transfer('not-a-uuid', { targetOrganizationId: targetId }), 400, 'VALIDATION_FAILED', ['id']);
      await expectNothingMoved();
    });

    it('400 when the target is the source itself (in any case)', async () => {
      expectProblem(
        await transfer(sourceId, { targetOrganizationId: sourceId.toUpperCase() }),
        400,
        'VALIDATION_FAILED',
        ['targetOrganizationId'],
      );
      await expectNothingMoved();
    });

    it('403 when a grant is missing in the target, or in the source', async () => {
      // The VIEWER of acme's first organization manages the source: ORG_CONTACT_EDIT there, only views in the target.
      await t.http
        .post(`/api/organizations/${sourceId}/members`)
        .set(bearer(admin()))
        .send({ userId: world.viewer.userId, role: 'MANAGER' })
        .expect(201);
      expectProblem(
        await transfer(sourceId, { targetOrganizationId: world.acme.organizationId }, world.viewer),
        403,
        'FORBIDDEN',
      );
      // The other way round: acme's MANAGER only views the source (the branch), manages the target.
      await t.http
        .post(`/api/organizations/${world.branchId}/members`)
        .set(bearer(admin()))
        .send({ userId: world.manager.userId, role: 'VIEWER' })
        .expect(201);
      expectProblem(
        await transfer(world.branchId, { targetOrganizationId: world.acme.organizationId }, world.manager),
        403,
        'FORBIDDEN',
      );
      // An AGENT edits only its own contacts: not enough to move an organization.
      expectProblem(
        await transfer(world.acme.organizationId, { targetOrganizationId: sourceId, dryRun: true }, world.agent),
        403,
        'FORBIDDEN',
      );
      await expectNothingMoved();
    });

    it("404 for another tenant's organization or an unknown one, on either side", async () => {
      expectProblem(
        await transfer(sourceId, { targetOrganizationId: world.globex.organizationId }),
        404,
        'ORGANIZATION_NOT_FOUND',
      );
      expectProblem(await transfer(sourceId, { targetOrganizationId: randomUUID() }), 404, 'ORGANIZATION_NOT_FOUND');
      expectProblem(
        await transfer(world.globex.organizationId, { targetOrganizationId: targetId }),
        404,
        'ORGANIZATION_NOT_FOUND',
      );
      expectProblem(
        await transfer(sourceId, { targetOrganizationId: world.globex.organizationId }, world.globex.admin),
        404,
        'ORGANIZATION_NOT_FOUND',
      );
      expectProblem(
        await transfer(
          world.globex.organizationId,
          { targetOrganizationId: sourceId, dryRun: true },
          world.globex.admin,
        ),
        404,
        'ORGANIZATION_NOT_FOUND',
      );
      // An organization of the tenant the caller is no member of is as unknown as another tenant's.
      const elsewhere = await newOrganization();
      expectProblem(
        await transfer(sourceId, { targetOrganizationId: elsewhere }, world.viewer),
        404,
        'ORGANIZATION_NOT_FOUND',
      );
      await expectNothingMoved();
    });

    it('409 CRM_TRANSFER_BLOCKED while an invoice names a contact or customer of the source, dry run or not', async () => {
      const invoiced = await newOrganization();
      const customer = await records.createCustomer(admin(), {}, invoiced);
      const contact = await records.createContact(admin(), {}, invoiced);
      await records.createInvoice(admin(), { customerId: customer.id }, invoiced);
      for (const dryRun of [true, false]) {
        const response = await transfer(invoiced, { targetOrganizationId: targetId, dryRun });
        expectProblem(response, 409, 'CRM_TRANSFER_BLOCKED');
        expect((response.body as { detail: string }).detail).toContain('1 invoice naming');
      }
      expect(await one(`SELECT organization_id FROM contact WHERE id = $1`, [contact.id])).toEqual({
        organization_id: invoiced,
      });
      expect(await one(`SELECT organization_id FROM customer WHERE id = $1`, [customer.id])).toEqual({
        organization_id: invoiced,
      });
    });

    it('409 CRM_TRANSFER_BLOCKED for a tagged invoice, which stays while its tags would move', async () => {
      const invoiced = await newOrganization();
      const tag = await records.createTag(admin(), {}, invoiced);
      await records.createInvoice(admin(), { tagIds: [tag.id] }, invoiced);
      const response = await transfer(invoiced, { targetOrganizationId: targetId, dryRun: true });
      expectProblem(response, 409, 'CRM_TRANSFER_BLOCKED');
      expect((response.body as { detail: string }).detail).toContain('1 invoice tag');
    });

    it('409 CRM_TRANSFER_BLOCKED when an asset’s serial number is taken at the surviving customer', async () => {
      const source = await newOrganization();
      const id = unique();
      const twin = (await records.createCustomer(admin(), { name: `Fabrikam ${id}` }, targetId)).id;
      const mine = (await records.createCustomer(admin(), { name: `fabrikam ${id}` }, source)).id;
      await created(admin(), targetId, '/api/assets', { name: 'Server', serialNumber: `SRV-${id}`, customerId: twin });
      const asset = await created(admin(), source, '/api/assets', {
        name: 'Server',
        serialNumber: `srv-${id}`,
        customerId: mine,
      });
      for (const dryRun of [true, false]) {
        const response = await transfer(source, { targetOrganizationId: targetId, dryRun });
        expectProblem(response, 409, 'CRM_TRANSFER_BLOCKED');
        expect((response.body as { detail: string }).detail).toContain(`srv-${id}`);
      }
      expect(await one(`SELECT organization_id FROM asset WHERE id = $1`, [asset])).toEqual({
        organization_id: source,
      });
    });
  });

  it('every table of an organization is some participant’s, or stays with its organization on purpose', async () => {
    // Organization set-up, access, bookkeeping and history: none of it is the CRM that moves.
    const stays = new Set([
      'membership',
      'record_count',
      'contact_facet_count',
      'customer_facet_count',
      'deal_facet_count',
      'ticket_facet_count',
      'invoice_facet_count',
      // Kept by the deals' triggers as their rows move.
      'deal_stage_total',
      // The organization's own default, as its settings: a contract's policy moves with the contract.
      'organization_sla_policy',
      'audit_entry',
      'outbox_event',
      'document_sequence',
    ]);
    const claimed = new Set(CrmTransferParticipants.list().flatMap((participant) => participant.tables));
    const tables = await t.db.query<Array<{ table_name: string }>>(
      `SELECT DISTINCT table_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND column_name = 'organization_id' ORDER BY table_name`,
    );
    expect(tables.map((row) => row.table_name).filter((table) => !claimed.has(table) && !stays.has(table))).toEqual([]);
  });

  it('every foreign key naming organization_id is deferrable, so a transfer can move rows one table at a time', async () => {
    const keys = await t.db.query(
      `SELECT rel.relname AS table_name, con.conname AS constraint_name
         FROM pg_constraint con
         JOIN pg_class rel ON rel.oid = con.conrelid
         JOIN pg_namespace ns ON ns.oid = rel.relnamespace
         JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = ANY(con.conkey)
        WHERE con.contype = 'f' AND ns.nspname = current_schema() AND att.attname = 'organization_id'
          AND NOT con.condeferrable
        ORDER BY 1, 2`,
    );
    expect(keys).toEqual([]);
  });
});
