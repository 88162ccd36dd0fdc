import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createApiKey,
  createTestApp,
  expectProblem,
  signupTenant,
  TEST_PASSWORD,
  type TestApp,
  unique,
} from '@clientele/testing';

const REDIS_URL = 'redis://127.0.0.1:6379';

describe('rate limiting', () => {
  describe('in memory (no REDIS_URL)', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp({
        RATE_LIMIT_ENABLED: 'true',
        RATE_LIMIT_PER_IP: '1000',
        RATE_LIMIT_PER_ACTOR: '4',
        RATE_LIMIT_AUTH_PER_IP: '1000',
      });
    });
    afterAll(async () => {
      await t.close();
    });

    it('counts each actor separately and answers 429 RATE_LIMITED with Retry-After past the limit', async () => {
      const tenant = await signupTenant(t.http); // its /auth/me is the admin session's first request
      const remaining: string[] = [];
      for (let request = 0; request < 3; request += 1) {
        const response = await t.http.get('/api/organizations').set(bearer(tenant.admin)).expect(200);
        expect(response.headers['ratelimit-limit']).toBe('4');
        expect(Number(response.headers['ratelimit-reset'])).toBeGreaterThan(0);
        expect(Number(response.headers['ratelimit-reset'])).toBeLessThanOrEqual(60);
        remaining.push(String(response.headers['ratelimit-remaining']));
      }
      expect(remaining).toEqual(['2', '1', '0']);
      const limited = await t.http.get('/api/organizations').set(bearer(tenant.admin));
      expectProblem(limited, 429, 'RATE_LIMITED');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.headers['ratelimit-remaining']).toBe('0');

      // Another session of the same user shares the user's budget; another user does not.
      const again = await t.http
        .post('/api/auth/login')
        .send({ email: tenant.admin.email, password: TEST_PASSWORD })
        .expect(200);
      expectProblem(await t.http.get('/api/organizations').set(bearer(again.body.accessToken)), 429, 'RATE_LIMITED');
      const second = await signupTenant(t.http);
      await t.http.get('/api/organizations').set(bearer(second.admin)).expect(200);
    });

    it('counts an API key as its own actor', async () => {
      const tenant = await signupTenant(t.http);
      const key = await createApiKey(t.http, tenant.admin, {
        grants: ['ALL_ORG_VIEW'],
        organizationIds: [tenant.organizationId],
      });
      for (let request = 0; request < 4; request += 1) {
        await t.http.get('/api/organizations').set(bearer(key.secret)).expect(200);
      }
      expectProblem(await t.http.get('/api/organizations').set(bearer(key.secret)), 429, 'RATE_LIMITED');
    });
  });

  describe('per IP', () => {
    it('limits every request of an address, authenticated or not, unknown routes included', async () => {
      const t = await createTestApp({ RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_PER_IP: '3' });
      try {
        const first = await t.http.get('/api/health');
        expect(first.status).toBe(200);
        expect(first.headers['ratelimit-remaining']).toBe('2');
        expectProblem(await t.http.get('/api/auth/me'), 401, 'UNAUTHORIZED');
        expectProblem(await t.http.get('/api/no-such-route'), 404, 'NOT_FOUND');
        const limited = await t.http.get('/api/health');
        expectProblem(limited, 429, 'RATE_LIMITED');
        expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
        expect(limited.headers['x-request-id']).toEqual(expect.any(String));
      } finally {
        await t.close();
      }
    });

    it('counts POST /api/auth/refresh against the strict auth limit, like login and signup', async () => {
      const t = await createTestApp({
        RATE_LIMIT_ENABLED: 'true',
        RATE_LIMIT_AUTH_PER_IP: '3',
        RATE_LIMIT_PER_IP: '1000',
        RATE_LIMIT_PER_ACTOR: '1000',
      });
      try {
        const tenant = await signupTenant(t.http); // one auth attempt
        const first = await t.http.post('/api/auth/refresh').send({ refreshToken: tenant.admin.refreshToken });
        expect(first.status).toBe(200);
        expect(first.headers['ratelimit-limit']).toBe('3');
        expectProblem(
          await t.http.post('/api/auth/refresh').send({ refreshToken: 'rt_guess' }),
          401,
          'INVALID_REFRESH_TOKEN',
        );
        const limited = await t.http
          .post('/api/auth/refresh')
          .send({ refreshToken: first.body.refreshToken as string });
        expectProblem(limited, 429, 'RATE_LIMITED');
        expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      } finally {
        await t.close();
      }
    });

    it('is off in the test harness unless asked for: no headers, no limit', async () => {
      const t = await createTestApp({ RATE_LIMIT_PER_IP: '1' });
      try {
        for (let request = 0; request < 3; request += 1) {
          const response = await t.http.get('/api/health').expect(200);
          expect(response.headers['ratelimit-limit']).toBeUndefined();
        }
      } finally {
        await t.close();
      }
    });
  });

  describe('in Redis (REDIS_URL set)', () => {
    const prefix = `clientele-test-${unique()}:`;
    const redis = new Redis(REDIS_URL);

    afterAll(async () => {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    });

    it('shares the counts between replicas, in expiring keys under the configured prefix', async () => {
      const env = {
        REDIS_URL,
        RATE_LIMIT_ENABLED: 'true',
        RATE_LIMIT_KEY_PREFIX: prefix,
        RATE_LIMIT_PER_IP: '5',
        RATE_LIMIT_WINDOW_SECONDS: '30',
      };
      const replicaA = await createTestApp(env);
      const replicaB = await createTestApp(env);
      try {
        for (const http of [replicaA.http, replicaB.http, replicaA.http, replicaB.http, replicaA.http]) {
          await http.get('/api/health').expect(200);
        }
        const limited = await replicaB.http.get('/api/health');
        expectProblem(limited, 429, 'RATE_LIMITED');
        const keys = await redis.keys(`${prefix}ip:*`);
        expect(keys).toHaveLength(1);
        const key = keys[0] ?? '';
        expect(Number(await redis.get(key))).toBe(6);
        const ttl = await redis.pttl(key);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(30_000);
        expect(Math.abs(Number(limited.headers['retry-after']) - Math.ceil(ttl / 1000))).toBeLessThanOrEqual(1);
      } finally {
        await replicaB.close();
        await replicaA.close();
      }
    });

    it('counts in this process when Redis cannot be reached: the limit holds and no request waits for Redis', async () => {
      const t = await createTestApp({
        REDIS_URL: 'redis://127.0.0.1:1',
        RATE_LIMIT_ENABLED: 'true',
        RATE_LIMIT_PER_IP: '2',
        RATE_LIMIT_KEY_PREFIX: prefix,
      });
      try {
        const started = Date.now();
        const statuses: number[] = [];
        for (let request = 0; request < 3; request += 1) statuses.push((await t.http.get('/api/health')).status);
        expect(statuses).toEqual([200, 200, 429]);
        // Well under the 1 s command timeout each: nothing queued behind the reconnect.
        expect(Date.now() - started).toBeLessThan(1_500);
      } finally {
        await t.close();
      }
    });
  });
});
