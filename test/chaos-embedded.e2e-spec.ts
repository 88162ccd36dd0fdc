import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  ensureBuilt,
  signupTenant,
  sleep,
  spawnApi,
  startContactLoad,
  stopSpawned,
  unique,
} from '@clientele/testing';

interface ContactPage {
  items: Array<{ id: string; tags: Array<{ id: string }> }>;
  total: number;
}

/**
 * The built API on the embedded database (`DATA_DIR`, no `DATABASE_URL`), `kill -9`ed in the
 * middle of a burst of creates and started again on the same directory.
 */
describe('chaos: embedded database', () => {
  let dataDir: string;

  beforeAll(async () => {
    await ensureBuilt();
    dataDir = await mkdtemp(join(tmpdir(), 'clientele-chaos-'));
  }, 240_000);

  afterAll(async () => {
    await stopSpawned();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged write, whole, through kill -9 mid-burst', async () => {
    const api = await spawnApi({ dataDir, readyTimeoutMs: 120_000 });
    const tenant = await signupTenant(api.http);
    const tagIds: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const tag = await api.http
        .post('/api/tags')
        .set(bearer(tenant.admin))
        .send({ name: unique('chaos-tag-') });
      expect(tag.status).toBe(201);
      tagIds.push((tag.body as { id: string }).id);
    }
    const load = startContactLoad(api.http, tenant.admin, { workers: 6, writeShare: 1, tagIds, timeoutMs: 5_000 });
    while (load.acknowledged.length < 20 && load.now() < 30_000) await sleep(20);
    await api.kill('SIGKILL');
    await load.stop();
    const acknowledged = [...load.acknowledged];
    expect(acknowledged.length).toBeGreaterThanOrEqual(20);
    expect(load.samples.filter((sample) => sample.status >= 500)).toEqual([]);

    // Same DATA_DIR (and so the same generated JWT secret): the old token still works.
    const restarted = await spawnApi({ dataDir, readyTimeoutMs: 120_000 });
    const stored: ContactPage['items'] = [];
    let total = -1;
    for (let offset = 0; total === -1 || offset < total; offset += 100) {
      const page = await restarted.http.get(`/api/crm/contacts?limit=100&offset=${offset}`).set(bearer(tenant.admin));
      expect(page.status).toBe(200);
      const body = page.body as ContactPage;
      total = body.total;
      stored.push(...body.items);
      if (body.items.length === 0) break;
    }
    // Counts match rows, every acknowledged create is there, and each has all three tags.
    expect(stored.length).toBe(total);
    const storedIds = new Set(stored.map((contact) => contact.id));
    expect(acknowledged.filter((id) => !storedIds.has(id))).toEqual([]);
    expect(stored.filter((contact) => contact.tags.length !== 3)).toEqual([]);
    const one = await restarted.http.get(`/api/crm/contacts/${acknowledged[0]}`).set(bearer(tenant.admin));
    expect((one.body as { tags: Array<{ id: string }> }).tags.map((tag) => tag.id).sort()).toEqual([...tagIds].sort());
    // And it still takes writes.
    const after = await restarted.http
      .post('/api/crm/contacts')
      .set(bearer(tenant.admin))
      .send({ firstName: 'After', lastName: 'Restart', tagIds });
    expect(after.status).toBe(201);
    await restarted.kill('SIGTERM');
  }, 180_000);
});
