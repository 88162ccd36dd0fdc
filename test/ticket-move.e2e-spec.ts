import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createCrmWorld,
  createTestApp,
  crmRecords,
  type CrmRecords,
  type CrmWorld,
  expectProblem,
  memberWithRole,
  requestsIn,
  type Session,
  type TestApp,
  type TicketRecord,
  unique,
} from '@clientele/testing';

interface MoveResponse {
  ticket: TicketRecord;
  fromOrganizationId: string;
  contacts: {
    repointed: Array<{ from: { id: string }; to: { id: string; email: string | null } }>;
    dropped: Array<{ contact: { id: string }; reason: string }>;
  };
  tags: {
    repointed: Array<{ from: { id: string }; to: { id: string; name: string } }>;
    dropped: Array<{ id: string }>;
  };
  customer: { from: { id: string; name: string } | null; to: { id: string; name: string } | null };
  assignee: { from: string | null; kept: boolean };
  inboundMessageIdCleared: boolean;
}

describe('POST /api/tickets/:id/move', () => {
  let t: TestApp;
  let world: CrmWorld;
  let records: CrmRecords;
  let source: string;
  let target: string;

  const as = (session: Session, organizationId?: string) => requestsIn(t.http, world, session, organizationId);

  beforeAll(async () => {
    t = await createTestApp();
    world = await createCrmWorld(t.http);
    records = crmRecords(t.http, world);
    source = world.acme.organizationId;
    target = world.branchId;
  });
  afterAll(async () => {
    await t.close();
  });

  /** Adds an existing user of acme to the branch with `role`. */
  async function joinBranch(session: Session, role: string): Promise<void> {
    const response = await t.http
      .post(`/api/organizations/${target}/members`)
      .set(bearer(world.acme.admin))
      .send({ userId: session.userId, role });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
  }

  async function move(ticketId: string, organizationId = target, session = world.acme.admin): Promise<MoveResponse> {
    const response = await as(session).post(`/api/tickets/${ticketId}/move`, { organizationId });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as MoveResponse;
  }

  async function row(ticketId: string): Promise<Record<string, unknown>> {
    const [stored] = await t.db.query(
      `SELECT organization_id, customer_id, assignee_id, status, priority, inbound_message_id, version,
              (SELECT coalesce(array_agg(contact_id ORDER BY contact_id), '{}') FROM ticket_contact
                WHERE ticket_id = ticket.id) AS contact_ids,
              (SELECT coalesce(array_agg(DISTINCT organization_id), '{}') FROM ticket_contact
                WHERE ticket_id = ticket.id) AS contact_link_organizations,
              (SELECT coalesce(array_agg(tag_id ORDER BY tag_id), '{}') FROM ticket_tag WHERE ticket_id = ticket.id) AS tag_ids
         FROM ticket WHERE id = $1`,
      [ticketId],
    );
    return stored as Record<string, unknown>;
  }

  /** The counters of both organizations, each beside what the rows say. */
  async function expectExactCounters(): Promise<void> {
    const organizations = [source, target];
    const recorded = await t.db.query(
      `SELECT organization_id, sum(count)::int AS count FROM record_count
        WHERE entity = 'ticket' AND organization_id = ANY($1) GROUP BY organization_id HAVING sum(count) <> 0
        ORDER BY organization_id`,
      [organizations],
    );
    const counted = await t.db.query(
      `SELECT organization_id, count(*)::int AS count FROM ticket
        WHERE deleted_at IS NULL AND organization_id = ANY($1) GROUP BY organization_id ORDER BY organization_id`,
      [organizations],
    );
    expect(recorded).toEqual(counted);
    const facets = await t.db.query(
      `SELECT organization_id, status, priority, assignee_id, count::int AS count FROM ticket_facet_count
        WHERE organization_id = ANY($1) AND count <> 0 ORDER BY 1, 2, 3, 4`,
      [organizations],
    );
    const grouped = await t.db.query(
      `SELECT organization_id, status, priority, assignee_id, count(*)::int AS count FROM ticket
        WHERE deleted_at IS NULL AND organization_id = ANY($1)
        GROUP BY organization_id, status, priority, assignee_id ORDER BY 1, 2, 3, 4`,
      [organizations],
    );
    expect(facets).toEqual(grouped);
  }

  it('re-points contacts by e-mail, tags and the customer by name, keeps the assignee, moves comments, counts exactly', async () => {
    const marker = unique('mv').toLowerCase();
    const ada = await records.createContact(world.acme.admin, { email: `ada-${marker}@example.test` });
    const bob = await records.createContact(world.acme.admin, { email: `bob-${marker}@example.test` });
    const carol = await records.createContact(world.acme.admin, { email: `carol-${marker}@example.test` });
    const dan = await records.createContact(world.acme.admin, { email: `dan-${marker}@example.test` });
    const adaThere = await records.createContact(world.acme.admin, { email: `ADA-${marker}@Example.test` }, target);
    const bobThere = await records.createContact(world.acme.admin, { email: `bob-${marker}@example.test` }, target);
    await records.createContact(world.acme.admin, { email: `carol-${marker}@example.test`, isActive: false }, target);
    const customer = await records.createCustomer(world.acme.admin, { name: `Acme Corp ${marker}` });
    const customerThere = await records.createCustomer(world.acme.admin, { name: `ACME corp ${marker}` }, target);
    const urgent = await records.createTag(world.acme.admin, { name: `Urgent ${marker}` });
    const local = await records.createTag(world.acme.admin, { name: `Local ${marker}` });
    const urgentThere = await records.createTag(world.acme.admin, { name: `urgent ${marker}` }, target);
    const ticket = await records.createTicket(world.acme.admin, {
      priority: 'HIGH',
      customerId: customer.id,
      contactIds: [ada.id, bob.id, carol.id, dan.id],
      tagIds: [urgent.id, local.id],
    });
    await as(world.acme.admin).patch(`/api/tickets/${ticket.id}`, { status: 'PENDING' });
    for (const body of ['First note', 'Second note']) {
      expect((await as(world.agent).post(`/api/tickets/${ticket.id}/comments`, { body })).status).toBe(201);
    }

    const moved = await move(ticket.id);
    expect(moved.ticket).toMatchObject({
      id: ticket.id,
      organizationId: target,
      status: 'PENDING',
      priority: 'HIGH',
      customerId: customerThere.id,
      assigneeId: world.acme.admin.userId,
      tags: [{ id: urgentThere.id, name: urgentThere.name }],
    });
    expect(moved.ticket.contacts.map((contact) => contact.id).sort()).toEqual([adaThere.id, bobThere.id].sort());
    expect(moved.fromOrganizationId).toBe(source);
    expect(moved.contacts.repointed.map(({ from, to }) => [from.id, to.id])).toEqual(
      expect.arrayContaining([
        [ada.id, adaThere.id],
        [bob.id, bobThere.id],
      ]),
    );
    expect(moved.contacts.repointed).toHaveLength(2);
    expect(moved.contacts.dropped.map(({ contact, reason }) => [contact.id, reason]).sort()).toEqual(
      [
        [carol.id, 'INACTIVE_MATCH'],
        [dan.id, 'NO_MATCH'],
      ].sort(),
    );
    expect(moved.tags).toEqual({
      repointed: [{ from: { id: urgent.id, name: urgent.name }, to: { id: urgentThere.id, name: urgentThere.name } }],
      dropped: [{ id: local.id, name: local.name }],
    });
    expect(moved.customer).toEqual({
      from: { id: customer.id, name: customer.name },
      to: { id: customerThere.id, name: customerThere.name },
    });
    expect(moved.assignee).toEqual({ from: world.acme.admin.userId, kept: true });
    expect(moved.inboundMessageIdCleared).toBe(false);

    expect(await row(ticket.id)).toMatchObject({
      organization_id: target,
      customer_id: customerThere.id,
      assignee_id: world.acme.admin.userId,
      status: 'PENDING',
      contact_ids: [adaThere.id, bobThere.id].sort(),
      contact_link_organizations: [target],
      tag_ids: [urgentThere.id],
    });
    const comments: Array<{ organization_id: string; body: string }> = await t.db.query(
      `SELECT organization_id, body FROM ticket_comment WHERE ticket_id = $1 ORDER BY created_at, id`,
      [ticket.id],
    );
    expect(comments).toEqual([
      { organization_id: target, body: 'First note' },
      { organization_id: target, body: 'Second note' },
    ]);
    await expectExactCounters();

    const events: Array<{
      organization_id: string;
      data: { organizationId: string };
      previous: { organizationId: string };
    }> = await t.db.query(
      `SELECT organization_id, data, previous FROM outbox_event WHERE entity_id = $1 AND type = 'ticket.moved'
          ORDER BY organization_id`,
      [ticket.id],
    );
    expect(events.map((event) => event.organization_id).sort()).toEqual([source, target].sort());
    for (const event of events) {
      expect(event.previous).toMatchObject({ organizationId: source, customerId: customer.id });
      expect(event.data).toMatchObject({ organizationId: target, customerId: customerThere.id });
    }

    // It is gone from the source, found in the target with its comments.
    expectProblem(await as(world.viewer).get(`/api/tickets/${ticket.id}`), 404, 'TICKET_NOT_FOUND');
    const there = await as(world.acme.admin, target).get(`/api/tickets/${ticket.id}/comments`);
    expect(there.body).toMatchObject({ total: 2 });
    const pendingThere = await as(world.acme.admin, target).get('/api/tickets?status=PENDING');
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count FROM ticket WHERE organization_id = $1 AND status = 'PENDING' AND deleted_at IS NULL`,
      [target],
    );
    expect(pendingThere.body.total).toBe(count);
    expect(pendingThere.body.items.map((item: { id: string }) => item.id)).toContain(ticket.id);

    // And back: the contacts and the customer follow by the same rule.
    const back = await move(ticket.id, source);
    expect(back.ticket.organizationId).toBe(source);
    expect(back.ticket.contacts.map((contact) => contact.id).sort()).toEqual([ada.id, bob.id].sort());
    expect(back.customer.to?.id).toBe(customer.id);
    await expectExactCounters();
  });

  it('keeps the assignee only when a member of the target whose role works tickets', async () => {
    const viewerThere = await memberWithRole(t.http, world.acme, 'AGENT');
    await joinBranch(viewerThere, 'VIEWER');
    const agentThere = await memberWithRole(t.http, world.acme, 'AGENT');
    await joinBranch(agentThere, 'AGENT');
    const forViewer = await records.createTicket(world.acme.admin, { assigneeId: viewerThere.userId });
    const forAgent = await records.createTicket(world.acme.admin, { assigneeId: agentThere.userId });
    const forStranger = await records.createTicket(world.acme.admin, { assigneeId: world.agent.userId });
    const unassigned = await move(forViewer.id);
    expect(unassigned.assignee).toEqual({ from: viewerThere.userId, kept: false });
    expect(unassigned.ticket.assigneeId).toBeNull();
    // The query may name the ticket's own organization: the answer still shows the ticket where it went.
    const named = await as(world.acme.admin).post(`/api/tickets/${forAgent.id}/move?organizationId=${source}`, {
      organizationId: target,
    });
    expect(named.status, JSON.stringify(named.body)).toBe(200);
    expect(named.body.ticket).toMatchObject({ organizationId: target, assigneeId: agentThere.userId });
    expect((await move(forStranger.id)).assignee).toEqual({ from: world.agent.userId, kept: false });
    expect(await row(forStranger.id)).toMatchObject({ organization_id: target, assignee_id: null, customer_id: null });
    await expectExactCounters();
  });

  it('lets go of the message id when the target holds a ticket opened by the same e-mail', async () => {
    const messageId = `<${unique()}@mail.example.test>`;
    const mail = { from: `sender-${unique()}@example.test`, subject: 'Twice', messageId };
    const here = await as(world.acme.admin).post('/api/service-desk/inbound', mail);
    const there = await as(world.acme.admin, target).post('/api/service-desk/inbound', mail);
    expect([here.status, there.status]).toEqual([201, 201]);
    const moved = await move(here.body.ticket.id as string);
    expect(moved.inboundMessageIdCleared).toBe(true);
    expect(await row(here.body.ticket.id as string)).toMatchObject({
      organization_id: target,
      inbound_message_id: null,
    });
    expect(await row(there.body.ticket.id as string)).toMatchObject({ inbound_message_id: messageId });
  });

  it('400 with the field for a missing or bad organizationId, an unknown field, the same organization; nothing written', async () => {
    const ticket = await records.createTicket(world.acme.admin);
    const url = `/api/tickets/${ticket.id}/move`;
    expectProblem(await as(world.acme.admin).post(url, {}), 400, 'VALIDATION_FAILED', ['organizationId']);
    expectProblem(await as(world.acme.admin).post(url, { organizationId: 'branch' }), 400, 'VALIDATION_FAILED', [
      'organizationId',
    ]);
    expectProblem(
      await as(world.acme.admin).post(url, { organizationId: target, keepContacts: true }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await as(world.acme.admin).post(url, { organizationId: source }),
      400,
      'TICKET_ALREADY_IN_ORGANIZATION',
      ['organizationId'],
    );
    expectProblem(
      await as(world.acme.admin).post('/api/tickets/nope/move', { organizationId: target }),
      400,
      'VALIDATION_FAILED',
      ['id'],
    );
    expect(await row(ticket.id)).toMatchObject({ organization_id: source, version: 1 });
  });

  it('403 without ORG_TICKET_EDIT in the ticket’s organization or in the target; nothing written', async () => {
    const ticket = await records.createTicket(world.acme.admin);
    const url = `/api/tickets/${ticket.id}/move`;
    const managerThereOnly = await memberWithRole(t.http, world.acme, 'VIEWER');
    await joinBranch(managerThereOnly, 'MANAGER');
    const managerHereOnly = await memberWithRole(t.http, world.acme, 'MANAGER');
    await joinBranch(managerHereOnly, 'VIEWER');
    expectProblem(await as(managerThereOnly).post(url, { organizationId: target }), 403, 'FORBIDDEN');
    expectProblem(await as(managerHereOnly).post(url, { organizationId: target }), 403, 'FORBIDDEN');
    const agentsOwn = await records.createTicket(world.agent);
    await joinBranch(world.agent, 'MANAGER');
    expectProblem(
      await as(world.agent).post(`/api/tickets/${agentsOwn.id}/move`, { organizationId: target }),
      403,
      'FORBIDDEN',
    );
    // The guard refuses a VIEWER before the body is looked at (here: its own organization).
    expectProblem(await as(world.viewer).post(url, { organizationId: source }), 403, 'FORBIDDEN');
    expect(await row(ticket.id)).toMatchObject({ organization_id: source, version: 1 });
    expect(await row(agentsOwn.id)).toMatchObject({ organization_id: source });
  });

  it("404 for another tenant's ticket or organization, and for an organization or ticket you are not a member of", async () => {
    const ticket = await records.createTicket(world.acme.admin);
    const url = `/api/tickets/${ticket.id}/move`;
    expectProblem(
      await as(world.globex.admin).post(url, { organizationId: world.globex.organizationId }),
      404,
      'TICKET_NOT_FOUND',
    );
    expectProblem(
      await as(world.acme.admin).post(url, { organizationId: world.globex.organizationId }),
      404,
      'ORGANIZATION_NOT_FOUND',
    );
    // The manager is no member of the branch: neither its organization nor its tickets exist for them.
    expectProblem(await as(world.manager).post(url, { organizationId: target }), 404, 'ORGANIZATION_NOT_FOUND');
    const branchTicket = await records.createTicket(world.acme.admin, {}, target);
    expectProblem(
      await as(world.manager).post(`/api/tickets/${branchTicket.id}/move`, { organizationId: source }),
      404,
      'TICKET_NOT_FOUND',
    );
    expect(await row(ticket.id)).toMatchObject({ organization_id: source, version: 1 });
    expect(await row(branchTicket.id)).toMatchObject({ organization_id: target, version: 1 });
    const moved: unknown[] = await t.db.query(
      `SELECT 1 FROM outbox_event WHERE entity_id = ANY($1) AND type = 'ticket.moved'`,
      [[ticket.id, branchTicket.id]],
    );
    expect(moved).toEqual([]);
  });
});
