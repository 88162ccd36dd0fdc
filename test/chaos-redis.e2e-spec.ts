import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createApiKey,
  createTestDatabase,
  ensureBuilt,
  privateRedis,
  type RedisServer,
  type Session,
  signupTenant,
  spawnApi,
  type SpawnedApi,
  stopSpawned,
  type TestDatabase,
  TEST_PASSWORD,
  waitFor,
} from '@clientele/testing';

const PER_ACTOR = 20;
const KEY_PREFIX = 'chaos:rl:';

/**
 * Two API processes on one PostgreSQL and one Redis — a private `redis-server` on its own port,
 * never the machine's shared one, so it can be killed. Needs `TEST_DATABASE_URL`.
 */
describe('chaos: two replicas and Redis', () => {
  let database: TestDatabase;
  let redis: RedisServer;
  let inspect: Redis;
  let a: SpawnedApi;
  let b: SpawnedApi;

  beforeAll(async () => {
    await ensureBuilt();
    database = await createTestDatabase();
    if (database.embedded) throw new Error('chaos-redis needs a real PostgreSQL: set TEST_DATABASE_URL');
    redis = await privateRedis();
    inspect = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    inspect.on('error', () => undefined);
    const options = {
      databaseUrl: database.url,
      redisUrl: redis.url,
      env: {
        RATE_LIMIT_ENABLED: 'true',
        RATE_LIMIT_PER_IP: '1000000',
        RATE_LIMIT_AUTH_PER_IP: '1000000',
        RATE_LIMIT_PER_ACTOR: String(PER_ACTOR),
        RATE_LIMIT_KEY_PREFIX: KEY_PREFIX,
        // Far longer than any wait below: a refusal on the other replica comes from Redis, not the TTL.
        ACTOR_CACHE_TTL_MS: '60000',
      },
    };
    [a, b] = await Promise.all([spawnApi(options), spawnApi(options)]);
  }, 240_000);

  afterAll(async () => {
    inspect?.disconnect();
    await stopSpawned();
    await database?.drop();
  });

  /** A fresh user whose own per-actor budget is untouched but for the helper's one `/me`. */
  async function freshUser(): Promise<Session> {
    return (await signupTenant(a.http)).admin;
  }

  /** `GET /api/auth/me` alternately on A and B; the statuses and RateLimit-Remaining of each. */
  async function alternate(session: Session, count: number): Promise<Array<{ status: number; remaining: number }>> {
    const answers: Array<{ status: number; remaining: number }> = [];
    for (let i = 0; i < count; i += 1) {
      const response = await (i % 2 === 0 ? a : b).http.get('/api/auth/me').set(bearer(session));
      answers.push({ status: response.status, remaining: Number(response.headers['ratelimit-remaining']) });
    }
    return answers;
  }

  /** Both replicas count into one budget: remaining falls by one per request, whichever serves it. */
  async function expectOneSharedBudget(session: Session): Promise<void> {
    const answers = await alternate(session, PER_ACTOR + 1);
    // signupTenant's own `/me` (on A) spent the first hit of the window.
    const expected = Array.from({ length: PER_ACTOR + 1 }, (_, i) => {
      const remaining = PER_ACTOR - 2 - i;
      return remaining >= 0 ? { status: 200, remaining } : { status: 429, remaining: 0 };
    });
    expect(answers).toEqual(expected);
  }

  it('counts one rate limit across both processes', async () => {
    await expectOneSharedBudget(await freshUser());
  });

  it('refuses a session logged out on one process on the other at once', async () => {
    const tenant = await signupTenant(b.http);
    const session = tenant.admin;
    // Both replicas have the session's actor cached for a minute.
    expect((await b.http.get('/api/auth/me').set(bearer(session))).status).toBe(200);
    expect((await a.http.get('/api/auth/me').set(bearer(session))).status).toBe(200);
    expect((await a.http.post('/api/auth/logout').set(bearer(session))).status).toBe(204);
    const refusedAfter = await waitFor(
      'B to refuse the logged-out session',
      async () => (await b.http.get('/api/auth/me').set(bearer(session))).status === 401,
      5_000,
      20,
    );
    expect(refusedAfter).toBeLessThan(1_000);

    const admin = await relogin(tenant.admin);
    const key = await createApiKey(a.http, admin, {
      grants: ['ORG_CONTACT_VIEW'],
      organizationIds: [tenant.organizationId],
    });
    expect((await b.http.get('/api/crm/contacts').set(bearer(key.secret))).status).toBe(200);
    expect((await a.http.delete(`/api/api-keys/${key.id}`).set(bearer(admin))).status).toBe(204);
    const keyRefusedAfter = await waitFor(
      'B to refuse the revoked API key',
      async () => (await b.http.get('/api/crm/contacts').set(bearer(key.secret))).status === 401,
      5_000,
      20,
    );
    expect(keyRefusedAfter).toBeLessThan(1_000);
  });

  it('counts per process while Redis is down, never failing or stalling a request, and shares again once it is back', async () => {
    const session = await freshUser();
    await redis.kill();
    // Each replica counts in its own memory: a full budget on A, and another on B.
    for (const api of [a, b]) {
      const statuses: number[] = [];
      const started = Date.now();
      for (let i = 0; i < PER_ACTOR + 2; i += 1) {
        statuses.push((await api.http.get('/api/auth/me').set(bearer(session))).status);
      }
      const elapsed = Date.now() - started;
      // The first hit may still have gone to Redis before the replica saw it gone (A's `/me` in freshUser).
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(1);
      expect(statuses.filter((status) => status !== 200 && status !== 429)).toEqual([]);
      expect(statuses.slice(0, PER_ACTOR - 1).every((status) => status === 200)).toBe(true);
      // No request waited on Redis' command timeout (1 s).
      expect(elapsed).toBeLessThan((PER_ACTOR + 2) * 500);
      expect((await api.http.get('/api/health/ready')).status).toBe(200);
    }

    await redis.start();
    await inspect.connect();
    // Each replica reconnects on its own (ioredis backs off up to 2 s) and counts in Redis again.
    const probe = await freshUser();
    await waitFor(
      'both replicas to count in Redis again',
      async () => {
        await a.http.get('/api/health').set(bearer(probe));
        await b.http.get('/api/health').set(bearer(probe));
        const key = `${KEY_PREFIX}ip:127.0.0.1`;
        const count = Number(await inspect.get(key));
        await inspect.del(key);
        return count >= 2;
      },
      15_000,
      250,
    );
    await expectOneSharedBudget(await freshUser());
  }, 60_000);

  async function relogin(session: Session): Promise<Session> {
    const response = await a.http.post('/api/auth/login').send({ email: session.email, password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    return { ...session, token: (response.body as { accessToken: string }).accessToken };
  }
});
