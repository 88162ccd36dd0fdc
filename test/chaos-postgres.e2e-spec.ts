import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createTestDatabase,
  ensureBuilt,
  type LoadSample,
  signupTenant,
  sleep,
  spawnApi,
  type SpawnedApi,
  startContactLoad,
  stopSpawned,
  type TestDatabase,
  unique,
} from '@clientele/testing';

/**
 * The built API as a child process on its own PostgreSQL database, under load, while its
 * connections are cut (`pg_terminate_backend`) and while it is `kill -9`ed mid-burst.
 *
 * Needs a real PostgreSQL (`TEST_DATABASE_URL`): the embedded database has no backends to end.
 * The embedded `kill -9` case is `chaos-embedded.e2e-spec.ts`.
 */
describe('chaos: PostgreSQL', () => {
  let database: TestDatabase;
  let admin: pg.Client;

  beforeAll(async () => {
    await ensureBuilt();
    database = await createTestDatabase();
    if (database.embedded) throw new Error('chaos-postgres needs a real PostgreSQL: set TEST_DATABASE_URL');
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
  }, 240_000);

  afterAll(async () => {
    await stopSpawned();
    await admin?.end();
    await database?.drop();
  });

  async function tagsOf(api: SpawnedApi, token: string, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const response = await api.http
        .post('/api/tags')
        .set(bearer(token))
        .send({ name: unique('chaos-tag-') });
      expect(response.status).toBe(201);
      ids.push((response.body as { id: string }).id);
    }
    return ids;
  }

  /** Ends every backend of the API's database but our own, as a failover or a DBA would. */
  async function terminateBackends(): Promise<number> {
    const { rows } = await admin.query<{ pid: number }>(
      `SELECT pg_terminate_backend(pid) AS ended, pid FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    return rows.length;
  }

  it('recovers within seconds of losing every connection mid-load, with no 5xx after', async () => {
    const api = await spawnApi({ databaseUrl: database.url });
    const tenant = await signupTenant(api.http);
    const load = startContactLoad(api.http, tenant.admin, { workers: 6, writeShare: 0.4 });
    await sleep(1_500);
    const cutStartedAt = load.now();
    let ended = 0;
    // Three cuts 300 ms apart: in-flight queries die as well as idle pooled connections.
    for (let cut = 0; cut < 3; cut += 1) {
      ended += await terminateBackends();
      await sleep(300);
    }
    const cutEndedAt = load.now();
    await sleep(4_000);
    await load.stop();

    expect(ended).toBeGreaterThan(0);
    expect(api.alive, api.output()).toBe(true);
    const before = load.samples.filter((sample) => sample.endedAt < cutStartedAt);
    const after = load.samples.filter((sample) => sample.startedAt >= cutEndedAt);
    expect(before.length).toBeGreaterThan(10);
    expect(before.filter((sample) => !ok(sample))).toEqual([]);
    // During the cut: 2xx, or 503 problem+json DATABASE_UNAVAILABLE with Retry-After — nothing else.
    const failed = load.samples.filter((sample) => !ok(sample));
    for (const sample of failed) {
      expect({ status: sample.status, contentType: sample.contentType, body: sample.body }).toMatchObject({
        status: 503,
        contentType: expect.stringContaining('application/problem+json') as unknown,
        body: { code: 'DATABASE_UNAVAILABLE' },
      });
    }
    // Recovered: from the first success after the cut on, every request of both kinds succeeds,
    // and that first success came within 3 s.
    const firstOk = (kind: LoadSample['kind']): number =>
      Math.min(...after.filter((sample) => sample.kind === kind && ok(sample)).map((sample) => sample.endedAt));
    const recoveredAt = Math.max(firstOk('read'), firstOk('write'));
    expect(recoveredAt - cutEndedAt).toBeLessThan(3_000);
    const afterRecovery = load.samples.filter((sample) => sample.startedAt >= recoveredAt);
    expect(afterRecovery.length).toBeGreaterThan(10);
    expect(afterRecovery.filter((sample) => !ok(sample))).toEqual([]);

    // Every acknowledged create is stored.
    const { rows } = await admin.query<{ id: string }>('SELECT id FROM contact WHERE id = ANY($1::uuid[])', [
      load.acknowledged,
    ]);
    expect(rows.length).toBe(load.acknowledged.length);
    await api.kill('SIGTERM');
  }, 60_000);

  it('keeps every acknowledged write, whole, through kill -9 mid-burst', async () => {
    const api = await spawnApi({ databaseUrl: database.url });
    const tenant = await signupTenant(api.http);
    const tagIds = await tagsOf(api, tenant.admin.token, 3);
    const load = startContactLoad(api.http, tenant.admin, { workers: 8, writeShare: 1, tagIds, timeoutMs: 5_000 });
    while (load.acknowledged.length < 40 && load.now() < 20_000) await sleep(20);
    await api.kill('SIGKILL');
    await load.stop();
    const acknowledged = [...load.acknowledged];
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);
    // Requests in flight at the kill got no answer; none got a 5xx.
    expect(load.samples.filter((sample) => sample.status >= 500)).toEqual([]);
    expect(load.samples.some((sample) => sample.status === 0)).toBe(true);

    const stored = await admin.query<{ id: string; tags: number }>(
      `SELECT c.id, (SELECT count(*)::int FROM contact_tag ct WHERE ct.contact_id = c.id) AS tags
         FROM contact c WHERE c.tenant_id = $1`,
      [tenant.tenantId],
    );
    const storedIds = new Set(stored.rows.map((row) => row.id));
    expect(acknowledged.filter((id) => !storedIds.has(id))).toEqual([]);
    // Nothing half-written: each contact stored has all three tag links.
    expect(stored.rows.filter((row) => row.tags !== 3)).toEqual([]);

    // The restarted API serves all of them, and its total counts the rows.
    const restarted = await spawnApi({ databaseUrl: database.url });
    const list = await restarted.http.get('/api/crm/contacts?limit=1').set(bearer(tenant.admin));
    expect(list.status).toBe(200);
    expect((list.body as { total: number }).total).toBe(stored.rows.length);
    for (const id of acknowledged.slice(0, 10)) {
      const contact = await restarted.http.get(`/api/crm/contacts/${id}`).set(bearer(tenant.admin));
      expect(contact.status).toBe(200);
      expect((contact.body as { tags: Array<{ id: string }> }).tags.map((tag) => tag.id).sort()).toEqual(
        [...tagIds].sort(),
      );
    }
    await restarted.kill('SIGTERM');
  }, 90_000);
});

function ok(sample: LoadSample): boolean {
  return sample.status >= 200 && sample.status < 300;
}
