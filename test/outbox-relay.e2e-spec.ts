import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClienteleEvent, type EventStreamPublisher, OutboxRelayJob, OutboxSequencer } from '@clientele/core';
import {
  aContact,
  bearer,
  createTestApp,
  sequenceOutbox,
  signupTenant,
  TEST_DATABASE_URL,
  type TenantFixture,
  type TestApp,
} from '@clientele/testing';

/** Records what it is given; fails from the `failFrom`-th publish on while set (a stream that is down). */
class RecordingPublisher implements EventStreamPublisher {
  readonly published: Array<{ subject: string; event: ClienteleEvent }> = [];
  failFrom: number | undefined;
  private calls = 0;

  publish(subject: string, event: ClienteleEvent): Promise<void> {
    this.calls += 1;
    if (this.failFrom !== undefined && this.calls >= this.failFrom) {
      return Promise.reject(new Error('connection refused'));
    }
    this.published.push({ subject, event });
    return Promise.resolve();
  }
}

describe('outbox relay', () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let relayJob: OutboxRelayJob;

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await signupTenant(t.http);
    relayJob = t.app.get(OutboxRelayJob);
  });
  afterAll(async () => {
    await t.close();
  });

  function relay(publisher: EventStreamPublisher): Promise<number> {
    return t.db.transaction((manager) => relayJob.relay(manager, publisher));
  }

  async function createContact(): Promise<string> {
    const response = await t.http.post('/api/crm/contacts').set(bearer(tenant.admin)).send(aContact());
    expect(response.status).toBe(201);
    return (response.body as { id: string }).id;
  }

  it('publishes sequenced events once, in sequence order, on clientele.<tenant>.<entity>.<verb>', async () => {
    const contact = await createContact();
    await t.http.patch(`/api/crm/contacts/${contact}`).set(bearer(tenant.admin)).send({ jobTitle: 'CTO' }).expect(200);
    await sequenceOutbox(t.app);
    const publisher = new RecordingPublisher();
    await relay(publisher);
    const sequences = publisher.published.map(({ event }) => BigInt(event.sequence));
    expect(sequences).toEqual([...sequences].sort((a, b) => (a < b ? -1 : 1)));
    const mine = publisher.published.filter(({ event }) => event.entityId === contact);
    expect(mine.map(({ subject }) => subject)).toEqual([
      `clientele.${tenant.tenantId}.contact.created`,
      `clientele.${tenant.tenantId}.contact.updated`,
    ]);
    expect(await relay(publisher)).toBe(0);
    const [{ n }] = await t.db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM outbox_event WHERE sequence IS NOT NULL AND published_at IS NULL`,
    );
    expect(n).toBe(0);
  });

  it('keeps writing while the stream is down and publishes the backlog, in order, when it is back', async () => {
    const down = new RecordingPublisher();
    down.failFrom = 2;
    const ids = [await createContact(), await createContact(), await createContact()];
    await sequenceOutbox(t.app);
    expect(await relay(down)).toBe(1);
    const back = new RecordingPublisher();
    await relay(back);
    const published = [...down.published, ...back.published].filter(({ event }) => ids.includes(event.entityId ?? ''));
    expect(published.map(({ event }) => event.entityId)).toEqual(ids);
  });

  it('never skips a transaction that commits late: it is published after the one that committed first', async () => {
    // The embedded database runs one transaction at a time: nothing can commit past an open one there.
    if (TEST_DATABASE_URL === undefined) {
      expect(await relay(new RecordingPublisher())).toBeGreaterThanOrEqual(0);
      return;
    }
    {
      const publisher = new RecordingPublisher();
      await relay(publisher);
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
      // Give the late transaction time to insert first.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const early = await createContact();
      // The sequencer runs, but the open older transaction holds the early event back.
      await t.db.transaction((manager) => t.app.get(OutboxSequencer).sequence(manager));
      await relay(publisher);
      expect(publisher.published.map(({ event }) => event.entityId)).not.toContain(early);
      release();
      await late;
      await sequenceOutbox(t.app);
      await relay(publisher);
      const types = publisher.published.map(({ event }) => event.type);
      const earlyAt = publisher.published.findIndex(({ event }) => event.entityId === early);
      // The transaction that began first is published first, though it committed last.
      expect(types.indexOf('probe.late')).toBeGreaterThanOrEqual(0);
      expect(types.indexOf('probe.late')).toBeLessThan(earlyAt);
      const sequences = publisher.published.map(({ event }) => BigInt(event.sequence));
      expect(sequences).toEqual([...sequences].sort((a, b) => (a < b ? -1 : 1)));
    }
  });
});
