import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createApiKey,
  createCrmWorld,
  createTestApp,
  crmRecords,
  type CrmRecords,
  expectProblem,
  type MemberRequests,
  requestsIn,
  type Session,
  type TenantFixture,
  type TestApp,
  type TicketRecord,
  unique,
} from '@clientele/testing';

interface ContractBody {
  id: string;
  organizationId: string;
  customerId: string;
  name: string;
  startDate: string;
  endDate: string;
  status: string;
  slaPolicy: Record<string, unknown> | null;
  version: number;
}

interface SlaTicket extends TicketRecord {
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
  firstRespondedAt: string | null;
  slaBreached: boolean;
  slaBreachedTargets: string[];
}

const DAY_MS = 86_400_000;
/** `days` from today (UTC), `YYYY-MM-DD`. */
const day = (days: number): string => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

const CALENDAR_POLICY = {
  clock: 'CALENDAR_HOURS',
  targets: {
    HIGH: { firstResponseMinutes: 60, resolutionMinutes: 240 },
    NORMAL: { firstResponseMinutes: 120, resolutionMinutes: 480 },
  },
};

describe('contracts and SLAs', () => {
  let t: TestApp;
  let acme: TenantFixture;
  let globex: TenantFixture;
  let viewer: Session;
  let agent: Session;
  let manager: Session;
  let guest: Session;
  let branchId: string;
  let records: CrmRecords;
  let world: Awaited<ReturnType<typeof createCrmWorld>>;

  const as = (session: Session, organizationId?: string): MemberRequests =>
    requestsIn(t.http, world, session, organizationId);

  beforeAll(async () => {
    t = await createTestApp();
    world = await createCrmWorld(t.http);
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

  async function contractRow(id: string): Promise<Record<string, unknown>> {
    const [row] = await t.db.query(
      `SELECT tenant_id, organization_id, customer_id, name, to_char(start_date, 'YYYY-MM-DD') AS start_date,
              to_char(end_date, 'YYYY-MM-DD') AS end_date, sla_policy, deleted_at, version
         FROM contract WHERE id = $1`,
      [id],
    );
    return row as Record<string, unknown>;
  }

  async function createContract(
    session: Session,
    body: Record<string, unknown>,
    organizationId?: string,
  ): Promise<ContractBody> {
    const response = await as(session, organizationId).post('/api/contracts', {
      name: `Support ${unique()}`,
      startDate: day(-10),
      endDate: day(200),
      ...body,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as ContractBody;
  }

  async function createTicket(body: Record<string, unknown>): Promise<SlaTicket> {
    return (await records.createTicket(acme.admin, body)) as SlaTicket;
  }

  async function readTicket(id: string): Promise<SlaTicket> {
    const response = await as(acme.admin).get(`/api/tickets/${id}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as SlaTicket;
  }

  async function createdAt(ticketId: string): Promise<number> {
    const [row] = await t.db.query<Array<{ created_at: Date }>>(`SELECT created_at FROM ticket WHERE id = $1`, [
      ticketId,
    ]);
    return row.created_at.getTime();
  }

  describe('POST /api/contracts', () => {
    it('adds a contract to a customer, stores it and records contract.created', async () => {
      const customer = await records.createCustomer(acme.admin);
      const response = await as(acme.admin).post('/api/contracts', {
        name: '  Premium support ',
        customerId: customer.id,
        startDate: day(-30),
        endDate: day(365),
        slaPolicy: {
          clock: 'BUSINESS_HOURS',
          businessHours: { timeZone: 'Europe/London', days: ['MON', 'TUE'], open: '08:30', close: '18:00' },
          targets: { URGENT: { firstResponseMinutes: 15, resolutionMinutes: 120 } },
        },
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      expect(response.body).toMatchObject({
        organizationId: acme.organizationId,
        customerId: customer.id,
        name: 'Premium support',
        startDate: day(-30),
        endDate: day(365),
        status: 'ACTIVE',
        slaPolicy: {
          clock: 'BUSINESS_HOURS',
          businessHours: { timeZone: 'Europe/London', days: ['MON', 'TUE'], open: '08:30', close: '18:00' },
          targets: { URGENT: { firstResponseMinutes: 15, resolutionMinutes: 120 } },
        },
        version: 1,
      });
      const id = (response.body as ContractBody).id;
      expect(await contractRow(id)).toMatchObject({
        tenant_id: acme.tenantId,
        organization_id: acme.organizationId,
        customer_id: customer.id,
        name: 'Premium support',
        start_date: day(-30),
        end_date: day(365),
        sla_policy: {
          clock: 'BUSINESS_HOURS',
          targets: { URGENT: { firstResponseMinutes: 15, resolutionMinutes: 120 } },
        },
        deleted_at: null,
      });
      expect(await events(id)).toEqual(['contract.created']);
    });

    it('fills in the default schedule (Mon–Fri 09:00–17:00 UTC) and derives PENDING, EXPIRING, EXPIRED', async () => {
      const customer = await records.createCustomer(acme.admin);
      const withPolicy = await createContract(acme.admin, {
        customerId: customer.id,
        slaPolicy: { clock: 'CALENDAR_HOURS', targets: {} },
      });
      expect(withPolicy.slaPolicy).toEqual({
        clock: 'CALENDAR_HOURS',
        businessHours: { timeZone: 'UTC', days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], open: '09:00', close: '17:00' },
        targets: {},
      });
      expect(
        (await createContract(acme.admin, { customerId: customer.id, startDate: day(5), endDate: day(100) })).status,
      ).toBe('PENDING');
      expect((await createContract(acme.admin, { customerId: customer.id, endDate: day(30) })).status).toBe('EXPIRING');
      expect((await createContract(acme.admin, { customerId: customer.id, endDate: day(31) })).status).toBe('ACTIVE');
      expect(
        (await createContract(acme.admin, { customerId: customer.id, startDate: day(-100), endDate: day(-1) })).status,
      ).toBe('EXPIRED');
    });

    it('400 with field errors for bad input, INVALID_RANGE for an end before the start; nothing is stored', async () => {
      const customer = await records.createCustomer(acme.admin);
      const admin = as(acme.admin);
      const before = await t.db.query(`SELECT count(*)::int AS n FROM contract`);
      expectProblem(await admin.post('/api/contracts', {}), 400, 'VALIDATION_FAILED', [
        'name',
        'customerId',
        'startDate',
        'endDate',
      ]);
      expectProblem(
        await admin.post('/api/contracts', {
          name: 'x',
          customerId: customer.id,
          startDate: '2026-02-30',
          endDate: 'soon',
        }),
        400,
        'VALIDATION_FAILED',
        ['startDate', 'endDate'],
      );
      expectProblem(
        await admin.post('/api/contracts', { name: 'x', customerId: customer.id, startDate: day(10), endDate: day(9) }),
        400,
        'INVALID_RANGE',
        ['endDate'],
      );
      expectProblem(
        await admin.post('/api/contracts', {
          name: 'x',
          customerId: customer.id,
          startDate: day(0),
          endDate: day(9),
          slaPolicy: {
            clock: 'SUNDIAL',
            businessHours: { timeZone: 'Mars/Olympus', days: ['FUNDAY'], open: '9am' },
            targets: { HIGH: { firstResponseMinutes: 0, resolutionMinutes: 1.5 } },
          },
        }),
        400,
        'VALIDATION_FAILED',
        [
          'slaPolicy.clock',
          'slaPolicy.businessHours.timeZone',
          'slaPolicy.businessHours.days',
          'slaPolicy.businessHours.open',
          'slaPolicy.targets.HIGH.firstResponseMinutes',
          'slaPolicy.targets.HIGH.resolutionMinutes',
        ],
      );
      expectProblem(
        await admin.post('/api/contracts', {
          name: 'x',
          customerId: customer.id,
          startDate: day(0),
          endDate: day(9),
          slaPolicy: { clock: 'CALENDAR_HOURS', targets: { LOW: { firstResponseMinutes: 60, resolutionMinutes: 30 } } },
        }),
        400,
        'INVALID_RANGE',
        ['slaPolicy.targets.LOW.resolutionMinutes'],
      );
      expectProblem(
        await admin.post('/api/contracts', {
          name: 'x',
          customerId: customer.id,
          startDate: day(0),
          endDate: day(9),
          status: 'ACTIVE',
        }),
        400,
        'VALIDATION_FAILED',
      );
      expect(await t.db.query(`SELECT count(*)::int AS n FROM contract`)).toEqual(before);
    });

    it("404 naming customerId for another tenant's or organization's customer", async () => {
      const foreign = await records.createCustomer(globex.admin);
      const branchCustomer = await records.createCustomer(acme.admin, {}, branchId);
      for (const customerId of [foreign.id, branchCustomer.id]) {
        expectProblem(
          await as(acme.admin).post('/api/contracts', {
            name: 'x',
            customerId,
            startDate: day(0),
            endDate: day(9),
          }),
          404,
          'CUSTOMER_NOT_FOUND',
          ['customerId'],
        );
      }
    });

    it('needs ORG_CUSTOMER_EDIT: VIEWER, AGENT and GUEST 403', async () => {
      const customer = await records.createCustomer(acme.admin);
      const body = { name: 'x', customerId: customer.id, startDate: day(0), endDate: day(9) };
      for (const session of [viewer, agent, guest]) {
        expectProblem(await as(session).post('/api/contracts', body), 403, 'FORBIDDEN');
      }
      expect((await as(manager).post('/api/contracts', body)).status).toBe(201);
    });
  });

  describe('GET /api/contracts[/:id]', () => {
    it('reads one; another tenant or a non-member organization 404; GUEST 403; a bad id 400', async () => {
      const customer = await records.createCustomer(acme.admin);
      const contract = await createContract(acme.admin, { customerId: customer.id });
      const read = await as(viewer).get(`/api/contracts/${contract.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id: contract.id, name: contract.name, status: 'ACTIVE' });
      expectProblem(await as(globex.admin).get(`/api/contracts/${contract.id}`), 404, 'CONTRACT_NOT_FOUND');
      const branchCustomer = await records.createCustomer(acme.admin, {}, branchId);
      const branchContract = await createContract(acme.admin, { customerId: branchCustomer.id }, branchId);
      expectProblem(await as(viewer).get(`/api/contracts/${branchContract.id}`), 404, 'CONTRACT_NOT_FOUND');
      expectProblem(await as(guest).get(`/api/contracts/${contract.id}`), 403, 'FORBIDDEN');
      expectProblem(await as(acme.admin).get('/api/contracts/nope'), 400, 'VALIDATION_FAILED', ['id']);
    });

    it('lists by customer, status and q, paged, and never another tenant’s', async () => {
      const customer = await records.createCustomer(acme.admin);
      const tag = unique();
      const active = await createContract(acme.admin, { customerId: customer.id, name: `Gold ${tag}` });
      const expired = await createContract(acme.admin, {
        customerId: customer.id,
        name: `Silver ${tag}`,
        startDate: day(-90),
        endDate: day(-2),
      });
      const expiring = await createContract(acme.admin, {
        customerId: customer.id,
        name: `Bronze ${tag}`,
        endDate: day(3),
      });
      await createContract(globex.admin, {
        customerId: (await records.createCustomer(globex.admin)).id,
        name: `Gold ${tag}`,
      });

      const all = await as(viewer).get(`/api/contracts?customerId=${customer.id}`);
      expect(all.status).toBe(200);
      expect(all.body.total).toBe(3);
      expect((all.body.items as ContractBody[]).map((item) => item.id)).toEqual([expiring.id, expired.id, active.id]);
      const byStatus = async (status: string): Promise<string[]> =>
        (
          (await as(viewer).get(`/api/contracts?customerId=${customer.id}&status=${status}`)).body
            .items as ContractBody[]
        ).map((item) => item.id);
      expect(await byStatus('ACTIVE')).toEqual([active.id]);
      expect(await byStatus('EXPIRED')).toEqual([expired.id]);
      expect(await byStatus('EXPIRING')).toEqual([expiring.id]);
      expect(await byStatus('PENDING')).toEqual([]);
      const searched = await as(viewer).get(`/api/contracts?q=${encodeURIComponent(`gold ${tag}`)}`);
      expect((searched.body.items as ContractBody[]).map((item) => item.id)).toEqual([active.id]);
      const paged = await as(viewer).get(`/api/contracts?customerId=${customer.id}&limit=1&offset=1&sort=name`);
      expect(paged.body).toMatchObject({ total: 3, items: [{ id: active.id }] });
      expectProblem(await as(viewer).get('/api/contracts?status=LAPSED'), 400, 'VALIDATION_FAILED', ['status']);
      expectProblem(await as(guest).get('/api/contracts'), 403, 'FORBIDDEN');
    });
  });

  describe('PATCH and DELETE /api/contracts/:id', () => {
    it('changes the fields sent, checks the range against the stored dates, clears the policy with null', async () => {
      const customer = await records.createCustomer(acme.admin);
      const contract = await createContract(acme.admin, { customerId: customer.id, slaPolicy: CALENDAR_POLICY });
      const renamed = await as(manager).patch(`/api/contracts/${contract.id}`, { name: 'Renewed', endDate: day(20) });
      expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
      expect(renamed.body).toMatchObject({ name: 'Renewed', endDate: day(20), status: 'EXPIRING', version: 2 });
      expectProblem(
        await as(manager).patch(`/api/contracts/${contract.id}`, { endDate: day(-20) }),
        400,
        'INVALID_RANGE',
        ['endDate'],
      );
      expectProblem(
        await as(manager).patch(`/api/contracts/${contract.id}`, { name: null }),
        400,
        'VALIDATION_FAILED',
        ['name'],
      );
      expectProblem(
        await as(manager).patch(`/api/contracts/${contract.id}`, { customerId: customer.id }),
        400,
        'VALIDATION_FAILED',
      );
      const cleared = await as(manager).patch(`/api/contracts/${contract.id}`, { slaPolicy: null });
      expect(cleared.body).toMatchObject({ slaPolicy: null, name: 'Renewed' });
      expect(await contractRow(contract.id)).toMatchObject({
        name: 'Renewed',
        end_date: day(20),
        sla_policy: null,
        version: 3,
      });
      expectProblem(await as(viewer).patch(`/api/contracts/${contract.id}`, { name: 'x' }), 403, 'FORBIDDEN');
      expectProblem(
        await as(globex.admin).patch(`/api/contracts/${contract.id}`, { name: 'x' }),
        404,
        'CONTRACT_NOT_FOUND',
      );
      expect(await events(contract.id)).toEqual(['contract.created', 'contract.updated', 'contract.updated']);
    });

    it('deletes softly with contract.deleted; VIEWER 403, another tenant 404', async () => {
      const customer = await records.createCustomer(acme.admin);
      const contract = await createContract(acme.admin, { customerId: customer.id });
      expectProblem(await as(viewer).delete(`/api/contracts/${contract.id}`), 403, 'FORBIDDEN');
      expectProblem(await as(globex.admin).delete(`/api/contracts/${contract.id}`), 404, 'CONTRACT_NOT_FOUND');
      expect((await as(acme.admin).delete(`/api/contracts/${contract.id}`)).status).toBe(204);
      expect((await contractRow(contract.id)).deleted_at).not.toBeNull();
      expectProblem(await as(acme.admin).get(`/api/contracts/${contract.id}`), 404, 'CONTRACT_NOT_FOUND');
      expect(await events(contract.id)).toEqual(['contract.created', 'contract.deleted']);
    });

    it("deleting a customer deletes its contracts (contract.deleted each), not other customers'", async () => {
      const customer = await records.createCustomer(acme.admin);
      const other = await records.createCustomer(acme.admin);
      const first = await createContract(acme.admin, { customerId: customer.id });
      const second = await createContract(acme.admin, { customerId: customer.id });
      const kept = await createContract(acme.admin, { customerId: other.id });
      expect((await as(acme.admin).delete(`/api/crm/customers/${customer.id}`)).status).toBe(204);
      for (const id of [first.id, second.id]) {
        expect((await contractRow(id)).deleted_at).not.toBeNull();
        expect(await events(id)).toEqual(['contract.created', 'contract.deleted']);
      }
      expect((await contractRow(kept.id)).deleted_at).toBeNull();
    });
  });

  describe('customer list contractStatus', () => {
    it('shows the best current contract: ACTIVE > EXPIRING > EXPIRED > NONE (a pending one does not count)', async () => {
      const tag = unique();
      const make = (name: string) => records.createCustomer(acme.admin, { name: `CS ${tag} ${name}` });
      const [both, expiring, expired, pending, none] = [
        await make('a-both'),
        await make('b-expiring'),
        await make('c-expired'),
        await make('d-pending'),
        await make('e-none'),
      ];
      await createContract(acme.admin, { customerId: both.id, startDate: day(-400), endDate: day(-40) });
      await createContract(acme.admin, { customerId: both.id });
      await createContract(acme.admin, { customerId: expiring.id, endDate: day(10) });
      await createContract(acme.admin, { customerId: expiring.id, startDate: day(-90), endDate: day(-5) });
      await createContract(acme.admin, { customerId: expired.id, startDate: day(-90), endDate: day(-5) });
      await createContract(acme.admin, { customerId: pending.id, startDate: day(3), endDate: day(300) });
      const deleted = await createContract(acme.admin, { customerId: none.id });
      await as(acme.admin).delete(`/api/contracts/${deleted.id}`);

      const list = await as(viewer).get(`/api/crm/customers?q=${encodeURIComponent(`CS ${tag}`)}&sort=name`);
      expect(list.status, JSON.stringify(list.body)).toBe(200);
      const statuses = Object.fromEntries(
        (list.body.items as Array<{ id: string; contractStatus: string }>).map((item) => [
          item.id,
          item.contractStatus,
        ]),
      );
      expect(statuses).toEqual({
        [both.id]: 'ACTIVE',
        [expiring.id]: 'EXPIRING',
        [expired.id]: 'EXPIRED',
        [pending.id]: 'NONE',
        [none.id]: 'NONE',
      });
      const one = await as(viewer).get(`/api/crm/customers/${expiring.id}`);
      expect(JSON.stringify(one.body)).toContain('"contractStatus":"EXPIRING"');
    });
  });

  describe('GET/PUT/DELETE /api/sla-policy', () => {
    it('reads none, saves (sla_policy.saved), replaces, reads back; ADMIN only writes', async () => {
      const none = await as(viewer).get('/api/sla-policy');
      expect(none.status, JSON.stringify(none.body)).toBe(200);
      expect(none.body).toEqual({ organizationId: acme.organizationId, policy: null, updatedAt: null });

      expectProblem(await as(manager).put('/api/sla-policy', CALENDAR_POLICY), 403, 'FORBIDDEN');
      expectProblem(await as(guest).get('/api/sla-policy'), 403, 'FORBIDDEN');
      const saved = await as(acme.admin).put('/api/sla-policy', CALENDAR_POLICY);
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect(saved.body).toMatchObject({ organizationId: acme.organizationId, policy: CALENDAR_POLICY });
      const replaced = await as(acme.admin).put('/api/sla-policy', {
        ...CALENDAR_POLICY,
        targets: { ...CALENDAR_POLICY.targets, URGENT: { firstResponseMinutes: 10, resolutionMinutes: 60 } },
      });
      expect(replaced.body.policy.targets.URGENT).toEqual({ firstResponseMinutes: 10, resolutionMinutes: 60 });
      const rows: Array<{ id: string; policy: { targets: Record<string, unknown> } }> = await t.db.query(
        `SELECT id, policy FROM organization_sla_policy WHERE organization_id = $1 AND deleted_at IS NULL`,
        [acme.organizationId],
      );
      expect(rows).toHaveLength(1);
      expect(Object.keys(rows[0].policy.targets).sort()).toEqual(['HIGH', 'NORMAL', 'URGENT']);
      expect(await events(rows[0].id)).toEqual(['sla_policy.saved', 'sla_policy.saved']);
      expect((await as(viewer).get('/api/sla-policy')).body.policy.targets.URGENT).toEqual({
        firstResponseMinutes: 10,
        resolutionMinutes: 60,
      });
      // Globex sees its own (none), and cannot name acme's organization.
      expect((await as(globex.admin).get('/api/sla-policy')).body.policy).toBeNull();
      expect((await as(globex.admin, acme.organizationId).get('/api/sla-policy')).status).toBe(404);
      expect((await as(globex.admin, acme.organizationId).put('/api/sla-policy', CALENDAR_POLICY)).status).toBe(404);
    });

    it('400 with field errors, storing nothing', async () => {
      const before = await t.db.query(`SELECT policy FROM organization_sla_policy WHERE deleted_at IS NULL`);
      expectProblem(await as(acme.admin).put('/api/sla-policy', {}), 400, 'VALIDATION_FAILED', ['clock', 'targets']);
      expectProblem(
        await as(acme.admin).put('/api/sla-policy', { clock: 'BUSINESS_HOURS', targets: { SOMEDAY: {} } }),
        400,
        'VALIDATION_FAILED',
      );
      expectProblem(
        await as(acme.admin).put('/api/sla-policy', {
          clock: 'BUSINESS_HOURS',
          businessHours: { open: '09:00', close: '09:05' },
          targets: {},
        }),
        400,
        'INVALID_RANGE',
        ['businessHours.close'],
      );
      expect(await t.db.query(`SELECT policy FROM organization_sla_policy WHERE deleted_at IS NULL`)).toEqual(before);
    });
  });

  describe('SLA due times on tickets', () => {
    it('stamps due times from the organization default (calendar hours) for the priority; none without a target', async () => {
      await as(acme.admin).put('/api/sla-policy', CALENDAR_POLICY);
      const high = await createTicket({ priority: 'HIGH' });
      const opened = await createdAt(high.id);
      expect(Math.abs(Date.parse(high.firstResponseDueAt ?? '') - (opened + 60 * 60_000))).toBeLessThan(5_000);
      expect(Math.abs(Date.parse(high.resolutionDueAt ?? '') - (opened + 240 * 60_000))).toBeLessThan(5_000);
      expect(high).toMatchObject({ firstRespondedAt: null, slaBreached: false, slaBreachedTargets: [] });
      const [row] = await t.db.query(`SELECT first_response_due_at, resolution_due_at FROM ticket WHERE id = $1`, [
        high.id,
      ]);
      expect((row as { first_response_due_at: Date }).first_response_due_at.toISOString()).toBe(
        high.firstResponseDueAt,
      );
      const low = await createTicket({ priority: 'LOW' });
      expect(low).toMatchObject({ firstResponseDueAt: null, resolutionDueAt: null, slaBreached: false });
    });

    it("uses the customer's contract policy in force (business hours, its time zone) over the default", async () => {
      await as(acme.admin).put('/api/sla-policy', CALENDAR_POLICY);
      // Open only on the weekday three days from today in Tokyo, 10:00–12:00 there (01:00–03:00 UTC).
      const tokyoToday = new Date(Date.now() + 9 * 3_600_000);
      const target = new Date(
        Date.UTC(tokyoToday.getUTCFullYear(), tokyoToday.getUTCMonth(), tokyoToday.getUTCDate() + 3),
      );
      const weekday = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'][target.getUTCDay()];
      const targetDate = target.toISOString().slice(0, 10);
      const customer = await records.createCustomer(acme.admin);
      await createContract(acme.admin, {
        customerId: customer.id,
        slaPolicy: {
          clock: 'BUSINESS_HOURS',
          businessHours: { timeZone: 'Asia/Tokyo', days: [weekday], open: '10:00', close: '12:00' },
          targets: { HIGH: { firstResponseMinutes: 60, resolutionMinutes: 120 } },
        },
      });
      const ticket = await createTicket({ priority: 'HIGH', customerId: customer.id });
      expect(ticket.firstResponseDueAt).toBe(`${targetDate}T02:00:00.000Z`);
      expect(ticket.resolutionDueAt).toBe(`${targetDate}T03:00:00.000Z`);

      // An expired contract's policy no longer applies: the default does.
      const lapsed = await records.createCustomer(acme.admin);
      await createContract(acme.admin, {
        customerId: lapsed.id,
        startDate: day(-60),
        endDate: day(-1),
        slaPolicy: { clock: 'CALENDAR_HOURS', targets: { HIGH: { firstResponseMinutes: 1, resolutionMinutes: 2 } } },
      });
      const fallback = await createTicket({ priority: 'HIGH', customerId: lapsed.id });
      const opened = await createdAt(fallback.id);
      expect(Math.abs(Date.parse(fallback.firstResponseDueAt ?? '') - (opened + 60 * 60_000))).toBeLessThan(5_000);
    });

    it('keeps the due times when the policy, or the ticket, changes later', async () => {
      await as(acme.admin).put('/api/sla-policy', CALENDAR_POLICY);
      const ticket = await createTicket({ priority: 'HIGH' });
      await as(acme.admin).put('/api/sla-policy', {
        clock: 'CALENDAR_HOURS',
        targets: { HIGH: { firstResponseMinutes: 5, resolutionMinutes: 10 } },
      });
      await as(acme.admin).patch(`/api/tickets/${ticket.id}`, { priority: 'LOW' });
      const read = await readTicket(ticket.id);
      expect(read).toMatchObject({
        priority: 'LOW',
        firstResponseDueAt: ticket.firstResponseDueAt,
        resolutionDueAt: ticket.resolutionDueAt,
      });
      await as(acme.admin).put('/api/sla-policy', CALENDAR_POLICY);
    });

    it('stamps due times on tickets opened by inbound e-mail too', async () => {
      await as(acme.admin).put('/api/sla-policy', CALENDAR_POLICY);
      const key = await createApiKey(t.http, acme.admin, {
        grants: ['ORG_TICKET_EDIT'],
        organizationIds: [acme.organizationId],
      });
      const response = await t.http
        .post('/api/service-desk/inbound')
        .set(bearer(key.secret))
        .send({
          from: `someone-${unique()}@example.test`,
          subject: 'Help',
          body: 'Broken',
          messageId: `<${unique()}@mail>`,
        });
      expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
      const ticketId = (response.body as { ticket: { id: string } }).ticket.id;
      const read = await readTicket(ticketId);
      expect(read.priority).toBe('NORMAL');
      expect(
        Math.abs(Date.parse(read.firstResponseDueAt ?? '') - ((await createdAt(ticketId)) + 120 * 60_000)),
      ).toBeLessThan(5_000);
    });

    it('reports breaches: unmet past due, met late; a user’s comment answers, resolving meets resolution; slaBreached filters', async () => {
      await as(acme.admin).put('/api/sla-policy', CALENDAR_POLICY);
      const title = `SLA ${unique()}`;
      const overdue = await createTicket({ title: `${title} overdue`, priority: 'HIGH' });
      const answeredLate = await createTicket({ title: `${title} late`, priority: 'HIGH' });
      const onTime = await createTicket({ title: `${title} on time`, priority: 'HIGH' });
      const untimed = await createTicket({ title: `${title} untimed`, priority: 'LOW' });

      await t.db.query(
        `UPDATE ticket SET first_response_due_at = now() - interval '1 hour', resolution_due_at = now() - interval '1 minute'
          WHERE id = $1`,
        [overdue.id],
      );
      expect(await readTicket(overdue.id)).toMatchObject({
        slaBreached: true,
        slaBreachedTargets: ['FIRST_RESPONSE', 'RESOLUTION'],
      });

      const comment = await as(agent).post(`/api/tickets/${answeredLate.id}/comments`, { body: 'On it.' });
      expect(comment.status, JSON.stringify(comment.body)).toBe(201);
      // The answer came an hour after the (backdated) due time: met, but late.
      await t.db.query(
        `UPDATE ticket SET first_response_due_at = (SELECT created_at FROM ticket_comment WHERE id = $2) - interval '1 hour'
          WHERE id = $1`,
        [answeredLate.id, (comment.body as { comment: { id: string } }).comment.id],
      );
      const late = await readTicket(answeredLate.id);
      expect(late).toMatchObject({ slaBreached: true, slaBreachedTargets: ['FIRST_RESPONSE'] });
      expect(late.firstRespondedAt).toBe((comment.body as { comment: { createdAt: string } }).comment.createdAt);

      await as(acme.admin).post(`/api/tickets/${onTime.id}/comments`, { body: 'Looking.' });
      await as(acme.admin).patch(`/api/tickets/${onTime.id}`, { status: 'RESOLVED' });
      // Both met before they fell due: moving the due times into the past now changes nothing.
      await t.db.query(
        `UPDATE ticket SET first_response_due_at = now() + interval '1 second', resolution_due_at = resolved_at + interval '1 second'
          WHERE id = $1`,
        [onTime.id],
      );
      const met = await readTicket(onTime.id);
      expect(met).toMatchObject({ status: 'RESOLVED', slaBreached: false, slaBreachedTargets: [] });
      expect(met.firstRespondedAt).not.toBeNull();

      const filtered = async (breached: boolean): Promise<string[]> => {
        const response = await as(viewer).get(
          `/api/tickets?q=${encodeURIComponent(title)}&slaBreached=${String(breached)}&sort=title`,
        );
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        return (response.body.items as SlaTicket[]).map((item) => item.id);
      };
      expect(await filtered(true)).toEqual([answeredLate.id, overdue.id]);
      expect(await filtered(false)).toEqual([onTime.id, untimed.id]);
      const customerTickets = await as(viewer).get(
        `/api/tickets?slaBreached=true&priority=HIGH&q=${encodeURIComponent(title)}`,
      );
      expect(customerTickets.body.total).toBe(2);
      expectProblem(await as(viewer).get('/api/tickets?slaBreached=maybe'), 400, 'VALIDATION_FAILED', ['slaBreached']);
    });

    it('DELETE /api/sla-policy removes the default (sla_policy.deleted; again is a no-op): new tickets get no due times', async () => {
      expectProblem(await as(manager).delete('/api/sla-policy'), 403, 'FORBIDDEN');
      expect((await as(acme.admin).delete('/api/sla-policy')).status).toBe(204);
      const [removed] = await t.db.query<Array<{ id: string }>>(
        `SELECT id FROM organization_sla_policy WHERE organization_id = $1 AND deleted_at IS NOT NULL`,
        [acme.organizationId],
      );
      expect((await events(removed.id)).at(-1)).toBe('sla_policy.deleted');
      expect((await as(acme.admin).delete('/api/sla-policy')).status).toBe(204);
      expect((await as(viewer).get('/api/sla-policy')).body.policy).toBeNull();
      const ticket = await createTicket({ priority: 'HIGH' });
      expect(ticket).toMatchObject({ firstResponseDueAt: null, resolutionDueAt: null, slaBreached: false });
    });
  });
});
