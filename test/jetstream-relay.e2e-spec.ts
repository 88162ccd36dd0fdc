import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxRelayJob, OutboxSequencer, Scheduler } from '@clientele/core';
import {
  aContact,
  aCustomer,
  bearer,
  createTestApp,
  dropStream,
  JetStreamConsumer,
  type NatsServer,
  privateNats,
  type ReceivedMessage,
  sequenceOutbox,
  signupTenant,
  sleep,
  TEST_DATABASE_URL,
  type TenantFixture,
  type TestApp,
  type TestStream,
  uniqueStream,
  waitFor,
} from '@clientele/testing';

interface StoredEvent {
  id: string;
  sequence: string;
  type: string;
  entity_id: string | null;
}

/** The relay against a real JetStream: the machine's NATS (own stream and subjects), and a private one it can stop. */
describe('JetStream relay', () => {
  /** Every sequenced event of the tenant, in sequence order. */
  function storedEvents(t: TestApp, tenantId: string): Promise<StoredEvent[]> {
    return t.db.query(
      `SELECT id, sequence::text AS sequence, type, entity_id FROM outbox_event
        WHERE tenant_id = $1 AND sequence IS NOT NULL ORDER BY outbox_event.sequence`,
      [tenantId],
    );
  }

  async function unpublished(t: TestApp): Promise<number> {
    const [{ n }] = await t.db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL`,
    );
    return n;
  }

  /** Sequences what has committed, then runs the relay job (through the scheduler, with its lock) until nothing waits. */
  async function relayAll(t: TestApp, timeoutMs = 15_000): Promise<void> {
    await sequenceOutbox(t.app);
    const scheduler = t.app.get(Scheduler);
    await waitFor(
      'the relay to publish every event',
      async () => {
        await scheduler.runOnce(OutboxRelayJob.NAME);
        return (await unpublished(t)) === 0;
      },
      timeoutMs,
      100,
    );
  }

  async function createContact(t: TestApp, tenant: TenantFixture): Promise<string> {
    const response = await t.http.post('/api/crm/contacts').set(bearer(tenant.admin)).send(aContact());
    expect(response.status).toBe(201);
    return (response.body as { id: string }).id;
  }

  function mine(received: readonly ReceivedMessage[], tenantId: string): ReceivedMessage[] {
    return received.filter(({ event }) => event.tenantId === tenantId);
  }

  describe('on the machine NATS', () => {
    let stream: TestStream;
    let t: TestApp;
    let tenant: TenantFixture;
    let consumer: JetStreamConsumer;

    beforeAll(async () => {
      stream = uniqueStream('relay');
      t = await createTestApp({ ...stream.env(), NATS_STREAM_MAX_AGE_HOURS: '1', NATS_STREAM_MAX_MSGS: '100000' });
      tenant = await signupTenant(t.http);
      // The app creates the stream at start; the consumer waits for it.
      consumer = await JetStreamConsumer.start(stream.stream, {
        filterSubject: `${stream.subjectPrefix}.${tenant.tenantId}.>`,
      });
    });
    afterAll(async () => {
      await consumer?.close();
      await t?.close();
      await dropStream(stream.stream);
    });

    it('creates the stream with the configured subjects and limits', async () => {
      const { connect } = await import('nats');
      const connection = await connect({ servers: stream.env().NATS_URL });
      const info = await (await connection.jetstreamManager()).streams.info(stream.stream);
      await connection.close();
      expect(info.config.subjects).toEqual([`${stream.subjectPrefix}.>`]);
      expect(info.config.max_age).toBe(3_600 * 1e9);
      expect(info.config.max_msgs).toBe(100_000);
      expect(info.config.duplicate_window).toBe(600 * 1e9);
    });

    it('delivers every event of a scripted sequence once, in sequence order, with its id as Nats-Msg-Id', async () => {
      const customer = await t.http.post('/api/crm/customers').set(bearer(tenant.admin)).send(aCustomer());
      expect(customer.status).toBe(201);
      const contacts = [await createContact(t, tenant), await createContact(t, tenant), await createContact(t, tenant)];
      // Interleaved updates: each entity's own order must survive the interleaving.
      for (let round = 1; round <= 3; round += 1) {
        for (const id of contacts) {
          await t.http
            .patch(`/api/crm/contacts/${id}`)
            .set(bearer(tenant.admin))
            .send({ jobTitle: `Title ${round}` })
            .expect(200);
        }
      }
      await t.http.delete(`/api/crm/contacts/${contacts[1]}`).set(bearer(tenant.admin)).expect(204);
      await relayAll(t);

      const stored = await storedEvents(t, tenant.tenantId);
      expect(stored.filter(({ entity_id }) => entity_id === contacts[1]).map(({ type }) => type)).toEqual([
        'contact.created',
        'contact.updated',
        'contact.updated',
        'contact.updated',
        'contact.deleted',
      ]);
      await consumer.until('every stored event', (received) => mine(received, tenant.tenantId).length >= stored.length);
      // Time for a duplicate to show, were there one.
      await sleep(300);
      const received = mine(consumer.received, tenant.tenantId);
      expect(received.map(({ event }) => event.id)).toEqual(stored.map(({ id }) => id));
      expect(received.map(({ event }) => event.sequence)).toEqual(stored.map(({ sequence }) => sequence));
      for (const { msgId, subject, event } of received) {
        expect(msgId).toBe(event.id);
        expect(subject).toBe(`${stream.subjectPrefix}.${tenant.tenantId}.${event.type}`);
      }
      const updated = received.find(({ event }) => event.entityId === contacts[0] && event.type === 'contact.updated');
      expect(updated?.event).toMatchObject({
        entity: 'contact',
        changedFields: expect.arrayContaining(['jobTitle']) as unknown,
        data: { jobTitle: 'Title 1' },
        previous: { jobTitle: null },
      });
    });

    it('republishing (a relay that died before it marked its batch) adds nothing: JetStream drops the ids', async () => {
      const before = await consumer.streamMessages();
      const seen = consumer.received.length;
      await t.db.query(`UPDATE outbox_event SET published_at = NULL WHERE tenant_id = $1`, [tenant.tenantId]);
      expect(await unpublished(t)).toBeGreaterThan(0);
      await relayAll(t);
      await sleep(300);
      expect(await consumer.streamMessages()).toBe(before);
      expect(consumer.received.length).toBe(seen);
    });

    it('never skips a transaction that commits late: it reaches the stream before the one that committed first', async () => {
      // The embedded database runs one transaction at a time: nothing can commit past an open one there.
      if (TEST_DATABASE_URL === undefined) {
        expect(await unpublished(t)).toBe(0);
        return;
      }
      let release = (): void => undefined;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const late = t.db.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO outbox_event (id, tenant_id, type, version, entity) VALUES (gen_random_uuid(), $1, 'probe.late', 1, 'probe')`,
          [tenant.tenantId],
        );
        await held;
      });
      await sleep(100);
      const early = await createContact(t, tenant);
      // The open older transaction holds the early event back: the sequencer leaves it, the relay has nothing.
      await t.db.transaction((manager) => t.app.get(OutboxSequencer).sequence(manager));
      await t.app.get(Scheduler).runOnce(OutboxRelayJob.NAME);
      await sleep(300);
      expect(consumer.received.some(({ event }) => event.entityId === early)).toBe(false);
      release();
      await late;
      await relayAll(t);
      await consumer.until('both events', (received) => received.some(({ event }) => event.entityId === early));
      const types = consumer.received.map(({ event }) => event.type);
      const earlyAt = consumer.received.findIndex(({ event }) => event.entityId === early);
      expect(types.indexOf('probe.late')).toBeGreaterThanOrEqual(0);
      expect(types.indexOf('probe.late')).toBeLessThan(earlyAt);
      const sequences = consumer.received.map(({ event }) => BigInt(event.sequence));
      expect(sequences).toEqual([...sequences].sort((a, b) => (a < b ? -1 : 1)));
    });
  });

  describe('with NATS unreachable, then back', () => {
    let nats: NatsServer;
    let stream: TestStream;
    let t: TestApp;
    let tenant: TenantFixture;

    beforeAll(async () => {
      // Not started yet: NATS_URL points at a closed port.
      nats = await privateNats();
      stream = uniqueStream('outage');
      t = await createTestApp({ ...stream.env(nats.url), NATS_PUBLISH_TIMEOUT_MS: '1000' });
      tenant = await signupTenant(t.http);
    });
    afterAll(async () => {
      await t?.close();
      await nats?.dispose();
    });

    it('keeps writing while NATS is down, and publishes the backlog in order when it comes up', async () => {
      const ids = [await createContact(t, tenant), await createContact(t, tenant), await createContact(t, tenant)];
      await sequenceOutbox(t.app);
      expect(await t.app.get(Scheduler).runOnce(OutboxRelayJob.NAME)).toBe('SUCCEEDED');
      const waiting = await storedEvents(t, tenant.tenantId);
      expect(await unpublished(t)).toBe(waiting.length);

      await nats.start();
      await relayAll(t);
      const consumer = await JetStreamConsumer.start(stream.stream, { url: nats.url });
      await consumer.until('the backlog', (received) => received.length >= waiting.length);
      expect(consumer.received.map(({ event }) => event.id)).toEqual(waiting.map(({ id }) => id));
      expect(consumer.received.filter(({ event }) => ids.includes(event.entityId ?? '')).length).toBe(3);
      await consumer.stop();
    });

    it('survives NATS dying while connected and coming back without its store (the stream is made again)', async () => {
      await nats.kill();
      const later = [await createContact(t, tenant), await createContact(t, tenant)];
      await sequenceOutbox(t.app);
      await t.app.get(Scheduler).runOnce(OutboxRelayJob.NAME);
      expect(await unpublished(t)).toBe(2);

      await nats.start({ fresh: true });
      await relayAll(t, 20_000);
      const consumer = await JetStreamConsumer.start(stream.stream, { url: nats.url });
      await consumer.until('the two new events', (received) => received.length >= 2);
      await sleep(200);
      expect(consumer.received.map(({ event }) => event.entityId)).toEqual(later);
      await consumer.stop();
    });
  });
});
