import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClienteleEvent, verifyWebhookSignature } from '@clientele/core';
import {
  aContact,
  bearer,
  createApiKey,
  createTestApp,
  eventually,
  expectProblem,
  memberWithRole,
  type ReceivedRequest,
  signupTenant,
  type TenantFixture,
  type TestApp,
  WebhookReceiver,
} from '@clientele/testing';

interface Webhook {
  id: string;
  secret: string;
  active: boolean;
  disabledReason: string | null;
  types: string[];
  organizationIds: string[];
}

interface Delivery {
  id: string;
  eventId: string;
  status: 'PENDING' | 'DELIVERED' | 'DEAD';
  attempts: number;
  responseStatus: number | null;
  responseBody: string | null;
  redeliveryOf: string | null;
}

describe('webhooks', () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let other: TenantFixture;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    // The scheduler runs here, fast: events are sequenced, fanned out and sent as in production.
    t = await createTestApp({
      SCHEDULER_ENABLED: 'true',
      OUTBOX_SEQUENCE_INTERVAL_MS: '50',
      WEBHOOK_DELIVERY_INTERVAL_MS: '100',
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      WEBHOOK_RETRY_BASE_MS: '50',
      WEBHOOK_RETRY_MAX_MS: '200',
      WEBHOOK_MAX_ATTEMPTS: '3',
      WEBHOOK_DISABLE_AFTER_DEAD: '2',
      WEBHOOK_TIMEOUT_MS: '2000',
    });
    tenant = await signupTenant(t.http);
    other = await signupTenant(t.http);
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  async function subscribe(path: string, body: Record<string, unknown> = {}): Promise<Webhook> {
    const response = await t.http
      .post('/api/webhooks')
      .set(bearer(tenant.admin))
      .send({ url: receiver.url(path), ...body });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as Webhook;
  }

  async function createContact(overrides: Record<string, unknown> = {}): Promise<string> {
    const response = await t.http.post('/api/crm/contacts').set(bearer(tenant.admin)).send(aContact(overrides));
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return (response.body as { id: string }).id;
  }

  async function patchContact(id: string, body: Record<string, unknown>): Promise<void> {
    await t.http.patch(`/api/crm/contacts/${id}`).set(bearer(tenant.admin)).send(body).expect(200);
  }

  async function deliveries(webhookId: string, query: Record<string, string> = {}): Promise<Delivery[]> {
    const response = await t.http
      .get(`/api/webhooks/${webhookId}/deliveries`)
      .set(bearer(tenant.admin))
      .query({ limit: 100, ...query });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return (response.body as { items: Delivery[] }).items;
  }

  function eventOf(request: ReceivedRequest): ClienteleEvent {
    return JSON.parse(request.body) as ClienteleEvent;
  }

  it('manages webhooks: the secret once, defaults, list, read, change and delete', async () => {
    const created = await subscribe('/crud', { description: 'CRM sync' });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ types: ['*'], organizationIds: [tenant.organizationId], active: true });
    const list = await t.http.get('/api/webhooks').set(bearer(tenant.admin)).expect(200);
    const listed = (list.body as { items: Array<Record<string, unknown>> }).items.find(
      (item) => item.id === created.id,
    );
    expect(listed).toBeDefined();
    expect(listed).not.toHaveProperty('secret');
    const read = await t.http.get(`/api/webhooks/${created.id}`).set(bearer(tenant.admin)).expect(200);
    expect(read.body).not.toHaveProperty('secret');
    const patched = await t.http
      .patch(`/api/webhooks/${created.id}`)
      .set(bearer(tenant.admin))
      .send({ types: ['contact.updated'], fields: ['status'], active: false })
      .expect(200);
    expect(patched.body).toMatchObject({ types: ['contact.updated'], fields: ['status'], active: false });
    const [stored] = await t.db.query<Array<{ secret_sealed: string }>>(
      `SELECT secret_sealed FROM webhook WHERE id = $1`,
      [created.id],
    );
    expect(stored?.secret_sealed).not.toContain(created.secret);
    await t.http.delete(`/api/webhooks/${created.id}`).set(bearer(tenant.admin)).expect(204);
    expectProblem(await t.http.get(`/api/webhooks/${created.id}`).set(bearer(tenant.admin)), 404, 'WEBHOOK_NOT_FOUND');
  });

  it('delivers every event of a scripted sequence once, in order, signed and with its ids', async () => {
    const webhook = await subscribe('/ordered', { types: ['contact.*'] });
    const first = await createContact({ jobTitle: 'Intern' });
    await patchContact(first, { jobTitle: 'Engineer' });
    const second = await createContact();
    await patchContact(first, { jobTitle: 'Lead' });
    await patchContact(second, { jobTitle: 'CFO' });
    await t.http.delete(`/api/crm/contacts/${first}`).set(bearer(tenant.admin)).expect(204);
    const received = await receiver.waitFor('/ordered', 6);
    // Nothing more arrives than was written.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.at('/ordered')).toHaveLength(6);

    const events = received.map(eventOf);
    expect(new Set(events.map((event) => event.id)).size).toBe(6);
    const sequences = events.map((event) => BigInt(event.sequence));
    expect(sequences).toEqual([...sequences].sort((a, b) => (a < b ? -1 : 1)));
    expect(events.map((event) => `${event.type}:${event.entityId === first ? 1 : 2}`)).toEqual([
      'contact.created:1',
      'contact.updated:1',
      'contact.created:2',
      'contact.updated:1',
      'contact.updated:2',
      'contact.deleted:1',
    ]);
    expect(events[3]).toMatchObject({ data: { jobTitle: 'Lead' }, previous: { jobTitle: 'Engineer' } });
    const log = await deliveries(webhook.id);
    for (const request of received) {
      expect(verifyWebhookSignature(String(request.headers['clientele-signature']), request.body, webhook.secret)).toBe(
        true,
      );
      expect(request.headers['clientele-event-id']).toBe(eventOf(request).id);
      expect(request.headers['content-type']).toBe('application/json');
      const delivery = log.find((entry) => entry.id === request.headers['clientele-delivery-id']);
      expect(delivery).toMatchObject({ eventId: eventOf(request).id, status: 'DELIVERED', responseStatus: 200 });
    }
  });

  it('rejects a tampered body, another secret and a stale timestamp', async () => {
    const [request] = receiver.at('/ordered');
    if (request === undefined) throw new Error('no delivery to check');
    const header = String(request.headers['clientele-signature']);
    const webhook = (await t.db.query<Array<{ id: string }>>(`SELECT id FROM webhook WHERE url LIKE '%/ordered'`))[0];
    expect(webhook).toBeDefined();
    const tampered = request.body.replace('"contact.', '"contact.x');
    expect(tampered).not.toBe(request.body);
    const secretOf = (
      await t.http
        .post('/api/webhooks')
        .set(bearer(tenant.admin))
        .send({ url: receiver.url('/x') })
    ).body as Webhook;
    expect(verifyWebhookSignature(header, tampered, secretOf.secret)).toBe(false);
    expect(verifyWebhookSignature(header, request.body, secretOf.secret)).toBe(false);
    const timestamp = Number(/t=(\d+)/.exec(header)?.[1]);
    expect(verifyWebhookSignature(header, request.body, 'whsec_any', { now: timestamp + 3_600 })).toBe(false);
  });

  it('sends a change only when a filtered field changed, and leaves omitted fields out', async () => {
    await subscribe('/filtered', { types: ['contact.*'], fields: ['jobTitle'], omitFields: ['primaryEmail'] });
    const contact = await createContact();
    await patchContact(contact, { firstName: 'Renamed' });
    await patchContact(contact, { jobTitle: 'COO' });
    const received = await receiver.waitFor('/filtered', 2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const events = receiver.at('/filtered').map(eventOf);
    expect(events.map((event) => event.type)).toEqual(['contact.created', 'contact.updated']);
    expect(events[1]?.changedFields).toContain('jobTitle');
    for (const event of events) expect(event.data).not.toHaveProperty('primaryEmail');
    expect(received).toHaveLength(2);
  });

  it('retries a receiver that is down, holding the next event back until the first is delivered', async () => {
    receiver.respond('/flaky', (_, index) => (index < 2 ? { status: 503, body: 'down' } : { status: 200 }));
    const webhook = await subscribe('/flaky', { types: ['contact.created'] });
    const first = await createContact();
    const second = await createContact();
    const received = await receiver.waitFor('/flaky', 4);
    const delivered = received.slice(2).map((request) => eventOf(request).entityId);
    expect(delivered).toEqual([first, second]);
    expect(received.slice(0, 2).every((request) => eventOf(request).entityId === first)).toBe(true);
    const log = await eventually(async () => {
      const entries = await deliveries(webhook.id);
      return entries.every((entry) => entry.status === 'DELIVERED') ? entries : undefined;
    });
    expect(log.map((entry) => entry.attempts).sort()).toEqual([1, 3]);
  });

  it('dead-letters after the last attempt, disables the webhook with the reason, and redelivers', async () => {
    let down = true;
    receiver.respond('/dead', () => (down ? { status: 500, body: 'broken' } : { status: 204 }));
    const webhook = await subscribe('/dead', { types: ['contact.created'] });
    await createContact();
    await createContact();
    const disabled = await eventually(async () => {
      const response = await t.http.get(`/api/webhooks/${webhook.id}`).set(bearer(tenant.admin)).expect(200);
      const body = response.body as Webhook;
      return body.active ? undefined : body;
    });
    expect(disabled.disabledReason).toMatch(/2 deliveries in a row failed 3 times/);
    const dead = await deliveries(webhook.id, { status: 'DEAD' });
    expect(dead).toHaveLength(2);
    expect(dead[0]).toMatchObject({ attempts: 3, responseStatus: 500, responseBody: 'broken' });
    expect(receiver.at('/dead')).toHaveLength(6);

    const [last] = dead;
    if (last === undefined) throw new Error('no dead delivery');
    const redelivery = await t.http
      .post(`/api/webhooks/${webhook.id}/deliveries/${last.id}/redeliver`)
      .set(bearer(tenant.admin))
      .expect(202);
    expect(redelivery.body).toMatchObject({ status: 'PENDING', redeliveryOf: last.id, eventId: last.eventId });
    // Still pending (the webhook is off): it is retried on its own, not redelivered.
    expectProblem(
      await t.http
        .post(`/api/webhooks/${webhook.id}/deliveries/${(redelivery.body as Delivery).id}/redeliver`)
        .set(bearer(tenant.admin)),
      409,
      'DELIVERY_PENDING',
    );
    down = false;
    await t.http.patch(`/api/webhooks/${webhook.id}`).set(bearer(tenant.admin)).send({ active: true }).expect(200);
    const [again] = (await receiver.waitFor('/dead', 7)).slice(6);
    expect(again === undefined ? undefined : eventOf(again).id).toBe(last.eventId);
  });

  it('sends a test ping, and signs with both secrets during a rotation overlap', async () => {
    const webhook = await subscribe('/ping', { types: ['tag.*'] });
    const ping = await t.http.post(`/api/webhooks/${webhook.id}/test`).set(bearer(tenant.admin)).expect(202);
    expect(ping.body).toMatchObject({ status: 'PENDING', webhookId: webhook.id });
    const [first] = await receiver.waitFor('/ping', 1);
    expect(first?.headers['clientele-event-type']).toBe('webhook.tested');
    expect(first === undefined ? undefined : eventOf(first)).toMatchObject({
      type: 'webhook.tested',
      entityId: webhook.id,
    });

    const rotated = await t.http
      .post(`/api/webhooks/${webhook.id}/rotate-secret`)
      .set(bearer(tenant.admin))
      .send({ overlapSeconds: 600 })
      .expect(200);
    const newSecret = (rotated.body as Webhook).secret;
    expect(newSecret).not.toBe(webhook.secret);
    await t.http.post(`/api/webhooks/${webhook.id}/test`).set(bearer(tenant.admin)).expect(202);
    const [, second] = await receiver.waitFor('/ping', 2);
    if (second === undefined) throw new Error('no second ping');
    const header = String(second.headers['clientele-signature']);
    expect(header.match(/v1=/g)).toHaveLength(2);
    expect(verifyWebhookSignature(header, second.body, newSecret)).toBe(true);
    expect(verifyWebhookSignature(header, second.body, webhook.secret)).toBe(true);

    await t.http
      .post(`/api/webhooks/${webhook.id}/rotate-secret`)
      .set(bearer(tenant.admin))
      .send({ overlapSeconds: 0 })
      .expect(200);
    await t.http.post(`/api/webhooks/${webhook.id}/test`).set(bearer(tenant.admin)).expect(202);
    const [, , third] = await receiver.waitFor('/ping', 3);
    expect(String(third?.headers['clientele-signature']).match(/v1=/g)).toHaveLength(1);
    expect(verifyWebhookSignature(String(third?.headers['clientele-signature']), third?.body ?? '', newSecret)).toBe(
      false,
    );
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const webhook = await subscribe('/invalid');
    const before = await t.db.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM webhook`);
    for (const [body, field] of [
      [{}, 'url'],
      [{ url: 'ftp://example.com/hook' }, 'url'],
      [{ url: 'not a url' }, 'url'],
      [{ url: receiver.url('/x'), types: ['contact'] }, 'types'],
      [{ url: receiver.url('/x'), types: [] }, 'types'],
      [{ url: receiver.url('/x'), fields: ['bad field'] }, 'fields'],
      [{ url: receiver.url('/x'), organizationIds: ['nope'] }, 'organizationIds'],
      [{ url: receiver.url('/x'), active: 'yes' }, 'active'],
      [{ url: receiver.url('/x'), secret: 'whsec_mine' }, 'secret'],
    ] as const) {
      expectProblem(await t.http.post('/api/webhooks').set(bearer(tenant.admin)).send(body), 400, 'VALIDATION_FAILED', [
        field,
      ]);
    }
    expect(await t.db.query(`SELECT count(*)::int AS n FROM webhook`)).toEqual(before);
    const id = webhook.id;
    for (const [request, field] of [
      [t.http.patch(`/api/webhooks/${id}`).send({ url: 'nope' }), 'url'],
      [t.http.post(`/api/webhooks/${id}/rotate-secret`).send({ overlapSeconds: -1 }), 'overlapSeconds'],
      [t.http.get(`/api/webhooks/${id}/deliveries`).query({ status: 'LOST' }), 'status'],
      [t.http.get('/api/webhooks/not-a-uuid'), 'id'],
      [t.http.post(`/api/webhooks/${id}/deliveries/nope/redeliver`), 'deliveryId'],
    ] as const) {
      expectProblem(await request.set(bearer(tenant.admin)), 400, 'VALIDATION_FAILED', [field]);
    }
  });

  it('is 403 without WEBHOOKS_MANAGE, for members and API keys', async () => {
    const webhook = await subscribe('/forbidden');
    const manager = await memberWithRole(t.http, tenant, 'MANAGER');
    const key = await createApiKey(t.http, tenant.admin, {
      grants: ['ORG_CONTACT_VIEW'],
      organizationIds: [tenant.organizationId],
    });
    for (const credential of [manager.token, key.secret]) {
      for (const request of [
        t.http.get('/api/webhooks'),
        t.http.post('/api/webhooks').send({ url: receiver.url('/x') }),
        t.http.get(`/api/webhooks/${webhook.id}`),
        t.http.patch(`/api/webhooks/${webhook.id}`).send({ active: false }),
        t.http.delete(`/api/webhooks/${webhook.id}`),
        t.http.post(`/api/webhooks/${webhook.id}/test`),
        t.http.post(`/api/webhooks/${webhook.id}/rotate-secret`).send({}),
        t.http.get(`/api/webhooks/${webhook.id}/deliveries`),
      ]) {
        expectProblem(await request.set(bearer(credential)), 403, 'FORBIDDEN');
      }
    }
  });

  it('is 404 for another tenant, its organizations and unknown deliveries', async () => {
    const webhook = await subscribe('/foreign', { types: ['contact.created'] });
    await createContact();
    const [delivery] = await eventually(async () => {
      const entries = await deliveries(webhook.id);
      return entries.length > 0 ? entries : undefined;
    });
    if (delivery === undefined) throw new Error('no delivery');
    for (const request of [
      t.http.get(`/api/webhooks/${webhook.id}`),
      t.http.patch(`/api/webhooks/${webhook.id}`).send({ active: false }),
      t.http.delete(`/api/webhooks/${webhook.id}`),
      t.http.post(`/api/webhooks/${webhook.id}/test`),
      t.http.post(`/api/webhooks/${webhook.id}/rotate-secret`).send({}),
      t.http.get(`/api/webhooks/${webhook.id}/deliveries`),
      t.http.post(`/api/webhooks/${webhook.id}/deliveries/${delivery.id}/redeliver`),
    ]) {
      expectProblem(await request.set(bearer(other.admin)), 404, 'WEBHOOK_NOT_FOUND');
    }
    const foreignOrganization = await t.http
      .post('/api/webhooks')
      .set(bearer(tenant.admin))
      .send({ url: receiver.url('/x'), organizationIds: [other.organizationId] });
    expectProblem(foreignOrganization, 404, 'ORGANIZATION_NOT_FOUND');
    const patchForeign = await t.http
      .patch(`/api/webhooks/${webhook.id}`)
      .set(bearer(tenant.admin))
      .send({ organizationIds: [other.organizationId] });
    expectProblem(patchForeign, 404, 'ORGANIZATION_NOT_FOUND');
    expectProblem(
      await t.http.post(`/api/webhooks/${webhook.id}/deliveries/${randomUUID()}/redeliver`).set(bearer(tenant.admin)),
      404,
      'WEBHOOK_DELIVERY_NOT_FOUND',
    );
    // Another tenant's webhook sees none of this tenant's events.
    const theirs = await t.http
      .post('/api/webhooks')
      .set(bearer(other.admin))
      .send({ url: receiver.url('/theirs') })
      .expect(201);
    await createContact();
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(receiver.at('/theirs')).toHaveLength(0);
    expect((theirs.body as Webhook).organizationIds).toEqual([other.organizationId]);
  });
});
