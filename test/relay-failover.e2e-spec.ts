import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createTestDatabase,
  dropStream,
  ensureBuilt,
  JetStreamConsumer,
  type LoadRun,
  signupTenant,
  sleep,
  spawnApi,
  type SpawnedApi,
  startContactLoad,
  stopSpawned,
  type TestDatabase,
  type TestStream,
  uniqueStream,
  waitFor,
  WebhookReceiver,
} from '@clientele/testing';

/**
 * Two built API processes on one PostgreSQL database and one NATS, both running the scheduler:
 * the one relaying the outbox is `kill -9`ed mid-burst, the other takes over, and a JetStream
 * consumer gets every committed event exactly once, in sequence order.
 *
 * Needs a real PostgreSQL (`TEST_DATABASE_URL`) and NATS with JetStream (`NATS_TEST_URL`).
 */
describe('relay failover: two API processes, kill -9 the relaying one', () => {
  let database: TestDatabase;
  let admin: pg.Client;
  let stream: TestStream;

  beforeAll(async () => {
    await ensureBuilt();
    database = await createTestDatabase();
    if (database.embedded) throw new Error('relay-failover needs a real PostgreSQL: set TEST_DATABASE_URL');
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    stream = uniqueStream('failover');
  }, 240_000);

  afterAll(async () => {
    await stopSpawned();
    await admin?.end();
    await database?.drop();
    if (stream !== undefined) await dropStream(stream.stream);
  });

  /** Each process names its connections, so the lock holder in `pg_locks` tells which one relays. */
  function start(name: string, env: Record<string, string> = {}): Promise<SpawnedApi> {
    const url = new URL(database.url);
    url.searchParams.set('application_name', name);
    return spawnApi({
      databaseUrl: url.toString(),
      env: { ...stream.env(), OUTBOX_SEQUENCE_INTERVAL_MS: '100', OUTBOX_RELAY_INTERVAL_MS: '100', ...env },
    });
  }

  /** The process whose relay run holds the job's advisory lock right now, if one does. */
  async function relaying(): Promise<string | undefined> {
    const { rows } = await admin.query<{ name: string }>(
      `SELECT activity.application_name AS name
         FROM pg_locks lock JOIN pg_stat_activity activity ON activity.pid = lock.pid
        WHERE lock.locktype = 'advisory' AND lock.granted AND lock.database = (
                SELECT oid FROM pg_database WHERE datname = current_database())
          AND lock.objid::bigint = (hashtext('clientele.job:outbox.relay')::bigint & 4294967295)`,
    );
    return rows[0]?.name;
  }

  async function committed(tenantId: string): Promise<Array<{ id: string; sequence: string }>> {
    const { rows } = await admin.query<{ id: string; sequence: string }>(
      `SELECT id, sequence::text AS sequence FROM outbox_event
        WHERE tenant_id = $1 AND sequence IS NOT NULL ORDER BY outbox_event.sequence`,
      [tenantId],
    );
    return rows;
  }

  it('delivers every committed event exactly once and in order, the survivor taking over within seconds', async () => {
    const apis = new Map<string, SpawnedApi>([
      ['api-a', await start('api-a')],
      ['api-b', await start('api-b')],
    ]);
    const [a, b] = [...apis.values()];
    const tenant = await signupTenant(a.http);
    const consumer = await JetStreamConsumer.start(stream.stream, {
      filterSubject: `${stream.subjectPrefix}.${tenant.tenantId}.>`,
    });
    try {
      const loads: LoadRun[] = [a, b].map((api) =>
        startContactLoad(api.http, tenant.admin, { workers: 4, writeShare: 1, timeoutMs: 5_000 }),
      );
      // Mid-burst: events are flowing, and the lock holder is caught in a run.
      await consumer
        .until('the relay to be publishing', (received) => received.length >= 30, 20_000)
        .catch((failure: unknown) => {
          throw new Error(`${String(failure)}\n--- api-a ---\n${a.output()}\n--- api-b ---\n${b.output()}`);
        });
      let victim: string | undefined;
      await waitFor(
        'a relay run in flight',
        async () => {
          victim = await relaying();
          return victim !== undefined;
        },
        10_000,
        5,
      );
      const killed = apis.get(victim ?? '');
      expect(killed).toBeDefined();
      await killed?.kill('SIGKILL');
      const killedAt = Date.now();
      const survivor = killed === a ? b : a;
      const received = consumer.received.length;
      // The survivor keeps writing and, within seconds, relaying.
      await consumer.until('the survivor to relay', (messages) => messages.length > received + 20, 10_000);
      const takeoverMs = Date.now() - killedAt;
      await sleep(1_000);
      await Promise.all(loads.map((load) => load.stop()));
      expect(survivor.alive).toBe(true);
      expect(loads.reduce((sum, load) => sum + load.acknowledged.length, 0)).toBeGreaterThan(60);

      // Every committed event (what the killed process committed too) reaches the consumer.
      await waitFor(
        'the outbox to drain',
        async () => {
          const { rows } = await admin.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL`,
          );
          return rows[0].n === 0;
        },
        20_000,
      );
      const events = await committed(tenant.tenantId);
      await consumer.until('every committed event', (messages) => messages.length >= events.length, 15_000);
      await sleep(500);
      const ids = consumer.received.map(({ event }) => event.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(events.map(({ id }) => id));
      expect(consumer.received.every(({ msgId, event }) => msgId === event.id)).toBe(true);
      expect(takeoverMs).toBeLessThan(10_000);
    } finally {
      await consumer.close();
    }
  }, 90_000);

  it('on SIGTERM finishes the webhook delivery and the publishes in flight, commits them, and exits 0', async () => {
    const receiver = await WebhookReceiver.start();
    // Slow: the delivery is still in flight when the signal comes.
    receiver.respond('/slow', () => ({ status: 200, delayMs: 1_500 }));
    const api = await start('api-c', { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_DELIVERY_INTERVAL_MS: '100' });
    const tenant = await signupTenant(api.http);
    const consumer = await JetStreamConsumer.start(stream.stream, {
      filterSubject: `${stream.subjectPrefix}.${tenant.tenantId}.>`,
    });
    try {
      const webhook = await api.http
        .post('/api/webhooks')
        .set(bearer(tenant.admin))
        .send({ url: receiver.url('/slow'), types: ['contact.*'] });
      expect(webhook.status, JSON.stringify(webhook.body)).toBe(201);
      const load = startContactLoad(api.http, tenant.admin, { workers: 3, writeShare: 1, timeoutMs: 5_000 });
      await receiver.waitFor('/slow', 1, 20_000);
      await load.stop();
      const signalledAt = Date.now();
      await api.kill('SIGTERM');
      expect(Date.now() - signalledAt).toBeLessThan(8_000);
      expect(api.exitCode, api.output()).toBe(0);

      // The delivery in flight was answered and recorded, not rolled back to be sent again.
      const { rows: deliveries } = await admin.query<{ status: string; response_status: number | null }>(
        `SELECT status, response_status FROM outbox_delivery WHERE webhook_id = $1 AND attempts > 0`,
        [(webhook.body as { id: string }).id],
      );
      expect(deliveries.length).toBe(receiver.at('/slow').length);
      expect(deliveries.every((delivery) => delivery.status === 'DELIVERED' && delivery.response_status === 200)).toBe(
        true,
      );
      // What reached the stream is what is marked published: no run was cut between ack and commit.
      await sleep(500);
      const { rows: published } = await admin.query<{ id: string }>(
        `SELECT id FROM outbox_event WHERE tenant_id = $1 AND published_at IS NOT NULL ORDER BY outbox_event.sequence`,
        [tenant.tenantId],
      );
      expect(published.length).toBeGreaterThan(0);
      expect(consumer.received.map(({ event }) => event.id)).toEqual(published.map(({ id }) => id));
    } finally {
      await consumer.stop();
      await receiver.close();
    }
  }, 60_000);
});
