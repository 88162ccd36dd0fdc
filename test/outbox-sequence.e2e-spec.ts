import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Actor,
  defineEvent,
  type FeedEvent,
  OutboxFeed,
  OutboxSequencer,
  schema,
  type Transaction,
  UnitOfWork,
} from '@clientele/core';
import { createTestApp, signupTenant, TEST_DATABASE_URL, type TenantFixture, type TestApp } from '@clientele/testing';

/** An event only this file publishes, so the feed shows exactly what the test wrote. */
const ProbeHappened = defineEvent('probe.happened', 1, schema.object({ n: schema.integer() }));

/** Lets a test hold a transaction open until it says so. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe('commit-ordered outbox sequence', () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let uow: UnitOfWork;
  let feed: OutboxFeed;
  let sequencer: OutboxSequencer;
  /** The embedded database runs one transaction at a time: nothing can commit past an open one there. */
  const embedded = TEST_DATABASE_URL === undefined;

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await signupTenant(t.http);
    uow = t.app.get(UnitOfWork);
    feed = t.app.get(OutboxFeed);
    sequencer = t.app.get(OutboxSequencer);
    await sequenceAll();
  });
  afterAll(async () => {
    await t.close();
  });

  async function publishProbe(tx: Transaction, n: number): Promise<void> {
    await tx.publish(ProbeHappened, { entityId: randomUUID(), organizationId: null, after: { n } });
  }

  function write(n: number, beforeCommit: () => Promise<void> = () => Promise.resolve()): Promise<void> {
    return uow.runAs(Actor.system(tenant.tenantId), async (tx) => {
      await publishProbe(tx, n);
      await beforeCommit();
    });
  }

  function sequence(): Promise<number> {
    return t.db.transaction((manager) => sequencer.sequence(manager));
  }

  /** Runs the sequencer until nothing is left (another test database's open transaction may hold it back a while). */
  async function sequenceAll(): Promise<void> {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      await sequence();
      const [{ n }] = await t.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM outbox_event WHERE sequence IS NULL`,
      );
      if (n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('outbox events stayed unsequenced');
  }

  async function probes(after: string): Promise<FeedEvent[]> {
    const events = await feed.read({ tenantId: tenant.tenantId, after, limit: 1000 });
    return events.filter((event) => event.type === ProbeHappened.type);
  }

  async function lastSequence(): Promise<string> {
    const events = await feed.read({ tenantId: tenant.tenantId, after: '0', limit: 1000 });
    return events.at(-1)?.sequence ?? '0';
  }

  it('numbers a transaction that began first but commits late below the later one, never behind a reader', async () => {
    const start = await lastSequence();
    const a = gate();
    const aWrote = gate();
    const first = write(1, async () => {
      aWrote.open();
      await a.opened;
    });
    await aWrote.opened;
    if (!embedded) {
      // B begins after A, commits while A is still open.
      await write(2);
      await sequence();
      const [b] = await t.db.query<{ sequence: string | null }[]>(
        `SELECT sequence FROM outbox_event WHERE type = $1 AND data = '{"n": 2}'`,
        [ProbeHappened.type],
      );
      // Committed, but A could still commit before it: B waits, and a reader sees neither.
      expect(b.sequence).toBeNull();
      expect(await probes(start)).toEqual([]);
      a.open();
      await first;
    } else {
      a.open();
      await first;
      await write(2);
    }
    await sequenceAll();
    const seen = await probes(start);
    expect(seen.map((event) => event.data)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(BigInt(seen[0].sequence)).toBeLessThan(BigInt(seen[1].sequence));
  });

  it('gives a reader resuming after its last sequence every event exactly once, however commits interleave', async () => {
    const start = await lastSequence();
    const writers = Array.from({ length: 30 }, (_, n) =>
      write(100 + n, () => new Promise((resolve) => setTimeout(resolve, (n * 37) % 60))),
    );
    const done = Promise.all(writers);
    let finished = false;
    void done.then(() => {
      finished = true;
    });
    const seen: FeedEvent[] = [];
    let after = start;
    // The reader polls while writers commit and the sequencer runs: what it reads is final.
    for (let round = 0; round < 400 && seen.length < writers.length; round += 1) {
      await sequence();
      const page = await probes(after);
      for (const event of page) {
        expect(BigInt(event.sequence)).toBeGreaterThan(BigInt(after));
        after = event.sequence;
        seen.push(event);
      }
      if (finished && page.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await done;
    const numbers = seen.map((event) => (event.data as { n: number }).n).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, n) => 100 + n));
    // Nothing was left behind the reader: a fresh read from the start finds the same events.
    expect((await probes(start)).map((event) => event.id)).toEqual(seen.map((event) => event.id));
  });

  it('serves the event envelope: type, version, actor, data, previous and changed fields', async () => {
    const start = await lastSequence();
    const entityId = randomUUID();
    await uow.runAs(Actor.system(tenant.tenantId), (tx) =>
      tx.publish(ProbeHappened, { entityId, organizationId: null, before: { n: 1 }, after: { n: 2 } }),
    );
    await sequenceAll();
    const [event] = await probes(start);
    expect(event).toMatchObject({
      type: 'probe.happened',
      version: 1,
      tenantId: tenant.tenantId,
      organizationId: null,
      entity: 'probe',
      entityId,
      actor: { type: 'system', id: null },
      data: { n: 2 },
      previous: { n: 1 },
      changedFields: ['n'],
    });
    expect(Number.isNaN(Date.parse(event.occurredAt))).toBe(false);
    // Another tenant's feed is empty of it.
    const other = await signupTenant(t.http);
    const foreign = await feed.read({ tenantId: other.tenantId, after: '0', limit: 100 });
    expect(foreign.filter((e) => e.type === ProbeHappened.type)).toEqual([]);
  });

  it('refuses a payload that does not fit the event schema, and writes nothing', async () => {
    const entityId = randomUUID();
    await expect(
      uow.runAs(Actor.system(tenant.tenantId), (tx) =>
        tx.publish(ProbeHappened, { entityId, organizationId: null, after: { n: 'two' } as unknown as { n: number } }),
      ),
    ).rejects.toThrow('$.n must be an integer');
    const rows = await t.db.query(`SELECT 1 FROM outbox_event WHERE entity_id = $1`, [entityId]);
    expect(rows).toEqual([]);
  });
});
