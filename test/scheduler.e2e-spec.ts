import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdempotencyCleanupJob, JobRegistry, OutboxSequenceJob, Scheduler } from '@clientele/core';
import {
  bearer,
  createTestApp,
  signupTenant,
  TEST_DATABASE_URL,
  type TenantFixture,
  type TestApp,
  unique,
} from '@clientele/testing';

interface JobRow {
  last_status: string;
  last_error: string | null;
  run_count: string;
  last_run_at: Date;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('scheduler', () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let registry: JobRegistry;
  /** Two schedulers on one database, as in two API processes (each run takes its own pooled connection). */
  let first: Scheduler;
  let second: Scheduler;

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await signupTenant(t.http);
    registry = t.app.get(JobRegistry);
    first = new Scheduler(t.db, registry, t.config);
    second = new Scheduler(t.db, registry, t.config);
  });
  afterAll(async () => {
    await Promise.all([first.stop(), second.stop()]);
    await t.close();
  });

  async function jobRow(name: string): Promise<JobRow | undefined> {
    const [row] = await t.db.query<JobRow[]>(
      `SELECT last_status, last_error, run_count::text AS run_count, last_run_at FROM scheduled_job WHERE name = $1`,
      [name],
    );
    return row;
  }

  it('registers the outbox sequencer and the idempotency clean-up', () => {
    expect(registry.all().map((job) => job.name)).toEqual(
      expect.arrayContaining([OutboxSequenceJob.NAME, IdempotencyCleanupJob.NAME]),
    );
  });

  it('runs a job on one scheduler at a time: the other finds it held or already run, and it is recorded once', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    registry.register({
      name: 'test.slow',
      everyMs: 60_000,
      run: async () => {
        running += 1;
        runs += 1;
        most = Math.max(most, running);
        await sleep(300);
        running -= 1;
      },
    });
    const outcomes = await Promise.all([first.runOnce('test.slow'), second.runOnce('test.slow')]);
    // PostgreSQL: the other run found the lock held. The embedded database runs one transaction at
    // a time, so there the other waited for the first and then found the job already run.
    expect([...outcomes].sort()).toEqual(
      TEST_DATABASE_URL === undefined ? ['NOT_DUE', 'SUCCEEDED'] : ['BUSY', 'SUCCEEDED'],
    );
    expect({ runs, most }).toEqual({ runs: 1, most: 1 });
    expect(await jobRow('test.slow')).toMatchObject({ last_status: 'SUCCEEDED', last_error: null, run_count: '1' });
    // Within its period the job is not due again, on either scheduler.
    expect(await second.runOnce('test.slow')).toBe('NOT_DUE');
    expect(await first.runOnce('test.slow')).toBe('NOT_DUE');
    expect(runs).toBe(1);
  });

  it('records a failed run with its error and rolls back only what the job wrote', async () => {
    const marker = `marker-${unique()}`;
    registry.register({
      name: 'test.failing',
      everyMs: 10,
      run: async ({ manager }) => {
        await manager.query(`INSERT INTO scheduled_job (name) VALUES ($1)`, [marker]);
        throw new Error('the printer is on fire');
      },
    });
    expect(await first.runOnce('test.failing')).toBe('FAILED');
    expect(await jobRow('test.failing')).toMatchObject({
      last_status: 'FAILED',
      last_error: 'the printer is on fire',
      run_count: '1',
    });
    expect(await jobRow(marker)).toBeUndefined();
    await sleep(20);
    expect(await second.runOnce('test.failing')).toBe('FAILED');
    expect(await jobRow('test.failing')).toMatchObject({ run_count: '2' });
  });

  it('deletes idempotency keys older than a day and keeps fresh ones', async () => {
    const [expired, fresh] = [`old-${unique()}`, `new-${unique()}`];
    await t.db.query(
      `INSERT INTO idempotency_key (tenant_id, actor_id, key, request_hash, status_code, response, created_at)
       VALUES ($1, $2, $3, 'h', 201, '{}', now() - interval '25 hours'), ($1, $2, $4, 'h', 201, '{}', now() - interval '23 hours')`,
      [tenant.tenantId, tenant.admin.userId, expired, fresh],
    );
    expect(await first.runOnce(IdempotencyCleanupJob.NAME)).toBe('SUCCEEDED');
    const keys = await t.db.query<{ key: string }[]>(`SELECT key FROM idempotency_key WHERE key IN ($1, $2)`, [
      expired,
      fresh,
    ]);
    expect(keys).toEqual([{ key: fresh }]);
    expect(await jobRow(IdempotencyCleanupJob.NAME)).toMatchObject({ last_status: 'SUCCEEDED', run_count: '1' });
  });

  it('treats an expired key not yet cleaned up as new: the request runs instead of replaying', async () => {
    const key = `expiring-${unique()}`;
    const create = (name: string) =>
      t.http
        .post('/api/tags')
        .set(bearer(tenant.admin))
        .set('Idempotency-Key', key)
        .send({ name, organizationId: tenant.organizationId });
    const firstTag = await create(`First ${unique()}`);
    expect(firstTag.status).toBe(201);
    // Another body under the same key is refused while the key is remembered…
    expect((await create(`Second ${unique()}`)).status).toBe(422);
    await t.db.query(`UPDATE idempotency_key SET created_at = now() - interval '25 hours' WHERE key = $1`, [key]);
    // …and runs once the key has expired, though the clean-up has not deleted it yet.
    const secondName = `Second ${unique()}`;
    const second = await create(secondName);
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ name: secondName });
    expect(second.body.id).not.toBe(firstTag.body.id);
  });

  it('runs the jobs on its own timers when enabled and stops them with the app', async () => {
    const app = await createTestApp({ SCHEDULER_ENABLED: 'true', OUTBOX_SEQUENCE_INTERVAL_MS: '100' });
    try {
      const owner = await signupTenant(app.http);
      let sequenced: Array<{ sequence: string | null }> = [];
      for (let attempt = 0; attempt < 100; attempt += 1) {
        sequenced = await app.db.query(`SELECT sequence::text AS sequence FROM outbox_event WHERE tenant_id = $1`, [
          owner.tenantId,
        ]);
        if (sequenced.length > 0 && sequenced.every((row) => row.sequence !== null)) break;
        await sleep(100);
      }
      // tenant, organization, user, membership, and the organization's default pipeline.
      expect(sequenced).toHaveLength(5);
      expect(sequenced.every((row) => row.sequence !== null)).toBe(true);
      const [row] = await app.db.query<JobRow[]>(
        `SELECT last_status, run_count::text AS run_count FROM scheduled_job WHERE name = $1`,
        [OutboxSequenceJob.NAME],
      );
      expect(row).toMatchObject({ last_status: 'SUCCEEDED' });
      expect(Number(row.run_count)).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });
});
