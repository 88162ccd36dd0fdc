import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClienteleEvent, definedEvents, EventVisibilities, OutboxRetentionJob } from '@clientele/core';
import {
  aContact,
  aTag,
  bearer,
  createApiKey,
  createTestApp,
  expectProblem,
  memberWithRole,
  sequenceOutbox,
  signupTenant,
  type TenantFixture,
  type TestApp,
  injectFetch,
  TYPED_CLIENT_AVAILABLE,
} from '@clientele/testing';

interface Page {
  items: ClienteleEvent[];
  nextAfter: string;
}

type FeedQuery = Partial<Record<'after' | 'types' | 'organizationId', string> & Record<'limit' | 'wait', number>>;

/** The part of `@clientele/client` the feed reads use (loaded only once openapi-fetch is installed). */
interface TypedClient {
  createClient(options: { baseUrl: string; token: string; fetch: typeof fetch }): {
    GET(
      path: '/api/events',
      init: { params: { query: FeedQuery } },
    ): Promise<{ data?: Page; error?: unknown; response: Response }>;
  };
}
const CLIENT_PACKAGE = '@clientele/client';

const ENVELOPE_KEYS = [
  'actor',
  'changedFields',
  'data',
  'entity',
  'entityId',
  'id',
  'occurredAt',
  'organizationId',
  'previous',
  'requestId',
  'sequence',
  'tenantId',
  'type',
  'version',
];

describe('change feed GET /api/events', () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let other: TenantFixture;
  let branchId: string;
  let contactA: string;
  let contactB: string;
  let tagA: string;

  async function post(path: string, body: Record<string, unknown>): Promise<string> {
    const response = await t.http.post(path).set(bearer(tenant.admin)).send(body);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return (response.body as { id: string }).id;
  }

  /** One page, through the typed client once it is installed (as an internal service reads it), else plain HTTP. */
  async function feed(token: string, query: FeedQuery = {}): Promise<Page> {
    if (typed !== undefined) {
      const client = typed.createClient({ baseUrl: 'http://clientele.test', token, fetch: injectFetch(t.app) });
      const { data, error, response } = await client.GET('/api/events', { params: { query } });
      expect(response.status, JSON.stringify(error)).toBe(200);
      return data as Page;
    }
    const response = await t.http.get('/api/events').set(bearer(token)).query(query);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as Page;
  }

  /** Every page from `after` on, following `nextAfter`. */
  async function all(token: string, query: FeedQuery = {}): Promise<ClienteleEvent[]> {
    const events: ClienteleEvent[] = [];
    let after = '0';
    for (;;) {
      const page = await feed(token, { ...query, after, limit: 7 });
      if (page.items.length === 0) return events;
      events.push(...page.items);
      after = page.nextAfter;
    }
  }

  let typed: TypedClient | undefined;

  beforeAll(async () => {
    typed = TYPED_CLIENT_AVAILABLE ? ((await import(/* @vite-ignore */ CLIENT_PACKAGE)) as TypedClient) : undefined;
    t = await createTestApp();
    tenant = await signupTenant(t.http);
    other = await signupTenant(t.http);
    branchId = await post('/api/organizations', { name: 'Branch' });
    contactA = await post('/api/crm/contacts', aContact({ organizationId: tenant.organizationId }));
    contactB = await post('/api/crm/contacts', aContact({ organizationId: branchId }));
    tagA = await post('/api/tags', aTag({ organizationId: tenant.organizationId }));
    await t.http.patch(`/api/crm/contacts/${contactA}`).set(bearer(tenant.admin)).send({ jobTitle: 'CTO' }).expect(200);
    await sequenceOutbox(t.app);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers the tenant events in sequence order, in the one envelope shape, page after page', async () => {
    const events = await all(tenant.admin.token);
    const sequences = events.map((event) => BigInt(event.sequence));
    expect([...sequences].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(sequences);
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    expect(events.every((event) => event.tenantId === tenant.tenantId)).toBe(true);
    const updated = events.find((event) => event.type === 'contact.updated' && event.entityId === contactA);
    expect(updated).toBeDefined();
    expect(Object.keys(updated ?? {}).sort()).toEqual(ENVELOPE_KEYS);
    expect(updated).toMatchObject({
      entity: 'contact',
      organizationId: tenant.organizationId,
      actor: { type: 'user', id: tenant.admin.userId },
      data: { jobTitle: 'CTO' },
      previous: { jobTitle: null },
    });
    expect(updated?.changedFields).toContain('jobTitle');
    expect(events.map((event) => event.entityId)).toEqual(expect.arrayContaining([contactA, contactB, tagA]));
  });

  it('filters by type patterns and by organization', async () => {
    const contacts = await all(tenant.admin.token, { types: 'contact.*' });
    expect(contacts.length).toBeGreaterThanOrEqual(3);
    expect(contacts.every((event) => event.type.startsWith('contact.'))).toBe(true);
    const two = await all(tenant.admin.token, { types: 'contact.updated,tag.created' });
    expect(new Set(two.map((event) => event.type))).toEqual(new Set(['contact.updated', 'tag.created']));
    const branch = await all(tenant.admin.token, { organizationId: branchId });
    expect(branch.length).toBeGreaterThan(0);
    expect(branch.every((event) => event.organizationId === branchId)).toBe(true);
  });

  it('shows an API key with ORG_CONTACT_VIEW only the contact events of its organizations', async () => {
    const key = await createApiKey(t.http, tenant.admin, {
      grants: ['ORG_CONTACT_VIEW'],
      organizationIds: [tenant.organizationId],
    });
    const events = await all(key.secret);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((event) => event.entity === 'contact')).toBe(true);
    expect(events.every((event) => event.organizationId === tenant.organizationId)).toBe(true);
    expect(events.map((event) => event.entityId)).not.toContain(contactB);
  });

  it('carries every module’s events to the holders of its view grant: deals, tickets, notes', async () => {
    const { organizationId } = tenant;
    const dealId = await post('/api/deals', { organizationId, title: 'Feed deal', value: '10.00' });
    const ticketId = await post('/api/tickets', { organizationId, title: 'Feed ticket' });
    const noteId = await post('/api/notes', { organizationId, body: 'Feed note', contactId: contactA });
    await sequenceOutbox(t.app);
    const types = (events: ClienteleEvent[], id: string): string[] =>
      events.filter((event) => event.entityId === id).map((event) => event.type);
    const admin = await all(tenant.admin.token);
    expect(types(admin, dealId)).toEqual(['deal.created']);
    expect(types(admin, ticketId)).toEqual(['ticket.created']);
    expect(types(admin, noteId)).toEqual(['note.created']);
    const dealsOnly = await createApiKey(t.http, tenant.admin, {
      grants: ['ORG_DEAL_VIEW'],
      organizationIds: [tenant.organizationId],
    });
    const seen = await all(dealsOnly.secret);
    expect(types(seen, dealId)).toEqual(['deal.created']);
    expect(seen.every((event) => event.entity === 'deal')).toBe(true);
  });

  it('leaves out only the tenant-wide and security events: every other entity has a view grant', () => {
    const visible = new Set(EventVisibilities.keys());
    const withheld = [...new Set(definedEvents().map((event) => event.entity))].filter(
      (entity) => !visible.has(entity),
    );
    expect(withheld.sort()).toEqual(['api_key', 'role', 'tenant', 'user', 'webhook']);
  });

  it('never shows another tenant its events, and a member only the organizations they belong to', async () => {
    const foreign = await all(other.admin.token);
    expect(foreign.some((event) => event.tenantId !== other.tenantId)).toBe(false);
    const viewer = await memberWithRole(t.http, tenant, 'VIEWER', branchId);
    await sequenceOutbox(t.app);
    const seen = await all(viewer.token);
    expect(seen.every((event) => event.organizationId === branchId)).toBe(true);
    expect(seen.map((event) => event.entityId)).toContain(contactB);
  });

  it('refuses bad parameters with 400 naming the field', async () => {
    for (const [query, field] of [
      [{ after: 'abc' }, 'after'],
      [{ after: '-1' }, 'after'],
      [{ types: 'contact' }, 'types'],
      [{ types: 'contact.*,' }, 'types'],
      [{ limit: 0 }, 'limit'],
      [{ limit: 1001 }, 'limit'],
      [{ wait: 26 }, 'wait'],
      [{ organizationId: 'nope' }, 'organizationId'],
      [{ colour: 'red' }, 'colour'],
    ] as const) {
      const response = await t.http.get('/api/events').set(bearer(tenant.admin)).query(query);
      expectProblem(response, 400, 'VALIDATION_FAILED', [field]);
    }
  });

  it('is 403 without any view grant and 404 for another tenant organization', async () => {
    const guest = await memberWithRole(t.http, tenant, 'GUEST');
    expectProblem(await t.http.get('/api/events').set(bearer(guest)), 403, 'FORBIDDEN');
    const webhooksOnly = await createApiKey(t.http, tenant.admin, {
      grants: ['WEBHOOKS_MANAGE'],
      organizationIds: [tenant.organizationId],
    });
    expectProblem(await t.http.get('/api/events').set(bearer(webhooksOnly.secret)), 403, 'FORBIDDEN');
    const response = await t.http
      .get('/api/events')
      .set(bearer(tenant.admin))
      .query({ organizationId: other.organizationId });
    expectProblem(response, 404, 'ORGANIZATION_NOT_FOUND');
  });

  it('holds a long poll until an event arrives', async () => {
    const { nextAfter } = await feed(tenant.admin.token, { limit: 1000 });
    const started = Date.now();
    const polled = t.http
      .get('/api/events')
      .set(bearer(tenant.admin))
      .query({ after: nextAfter, wait: 10, types: 'tag.*' });
    const pending = polled.then((response) => response);
    await new Promise((resolve) => setTimeout(resolve, 600));
    const tagId = await post('/api/tags', aTag({ organizationId: tenant.organizationId }));
    await sequenceOutbox(t.app);
    const response = await pending;
    expect(response.status).toBe(200);
    expect((response.body as Page).items.map((event) => event.entityId)).toEqual([tagId]);
    expect(Date.now() - started).toBeLessThan(9_000);
  });

  it('deletes events past the retention in batches and answers 410 with where to resume', async () => {
    const before = await all(tenant.admin.token);
    const oldest = before.slice(0, 3);
    await t.db.query(`UPDATE outbox_event SET occurred_at = now() - interval '400 days' WHERE id = ANY($1)`, [
      oldest.map((event) => event.id),
    ]);
    const deleted = await t.db.transaction((manager) => t.app.get(OutboxRetentionJob).purge(manager));
    expect(deleted).toBeGreaterThanOrEqual(3);
    const purged = oldest.at(-1)?.sequence ?? '0';
    const gone = await t.http.get('/api/events').set(bearer(tenant.admin)).query({ after: '0' });
    expectProblem(gone, 410, 'EVENTS_EXPIRED');
    expect(BigInt((gone.body as { oldestSequence: string }).oldestSequence)).toBeGreaterThan(BigInt(purged));
    // Left out, `after` starts at the oldest event kept.
    const resumed = await feed(tenant.admin.token);
    expect(resumed.items.map((event) => event.id)).not.toContain(oldest[0]?.id);
    expect(resumed.items[0]?.id).toBe(before[3]?.id);
  });
});
