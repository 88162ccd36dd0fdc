import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@clientele/api';
import {
  bearer,
  createTestApp,
  expectProblem,
  forgeJwt,
  jwtClaims,
  memberWithRole,
  signupTenant,
  TEST_JWT_SECRET,
  type TenantFixture,
  type TestApp,
  unique,
} from '@clientele/testing';

const REDIS_URL = 'redis://127.0.0.1:6379';

describe('access tokens and per-request grants', () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let claims: Record<string, unknown>;

  beforeAll(async () => {
    // A long actor cache: every "next request" assertion below would fail if invalidation did not work.
    t = await createTestApp({ ACTOR_CACHE_TTL_MS: '60000' });
    tenant = await signupTenant(t.http);
    claims = jwtClaims(tenant.admin.token);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('forged and broken tokens are refused with 401 INVALID_TOKEN', () => {
    const now = (): number => Math.floor(Date.now() / 1000);
    const cases: Array<[string, () => string]> = [
      ['the genuine token re-signed correctly (control)', () => forgeJwt(claims, { secret: TEST_JWT_SECRET })],
      ['alg none', () => forgeJwt(claims, { alg: 'none' })],
      ['alg none with a signature', () => `${forgeJwt(claims, { alg: 'none' })}c2lnbmF0dXJl`],
      ['HS512 with the right secret', () => forgeJwt(claims, { alg: 'HS512', secret: TEST_JWT_SECRET })],
      ['RS256 signed by another key', () => forgeJwt(claims, { alg: 'RS256' })],
      ['HS256 with a wrong key', () => forgeJwt(claims, { secret: 'another-secret-that-is-at-least-32-chars' })],
      ['expired', () => forgeJwt({ ...claims, iat: now() - 1000, exp: now() - 10 }, { secret: TEST_JWT_SECRET })],
      ['not yet valid (nbf)', () => forgeJwt({ ...claims, nbf: now() + 600 }, { secret: TEST_JWT_SECRET })],
      ['another issuer', () => forgeJwt({ ...claims, iss: 'evil' }, { secret: TEST_JWT_SECRET })],
      ['another audience', () => forgeJwt({ ...claims, aud: 'other-api' }, { secret: TEST_JWT_SECRET })],
      ['no session id', () => forgeJwt({ ...claims, sid: undefined }, { secret: TEST_JWT_SECRET })],
      ['no exp', () => forgeJwt({ ...claims, exp: undefined }, { secret: TEST_JWT_SECRET })],
      [
        'exp ten years out',
        () => forgeJwt({ ...claims, iat: now(), exp: now() + 10 * 365 * 86_400 }, { secret: TEST_JWT_SECRET }),
      ],
      [
        'iat in the future',
        () => forgeJwt({ ...claims, iat: now() + 300, exp: now() + 600 }, { secret: TEST_JWT_SECRET }),
      ],
      ['no iat', () => forgeJwt({ ...claims, iat: undefined }, { secret: TEST_JWT_SECRET })],
      [
        'an unknown crit header',
        () => forgeJwt(claims, { secret: TEST_JWT_SECRET, header: { crit: ['exp-v2'], 'exp-v2': 1 } }),
      ],
      ['a non-UUID sub', () => forgeJwt({ ...claims, sub: 'admin' }, { secret: TEST_JWT_SECRET })],
      ['a non-UUID tid', () => forgeJwt({ ...claims, tid: "1' OR '1'='1" }, { secret: TEST_JWT_SECRET })],
      ['a numeric sid', () => forgeJwt({ ...claims, sid: 42 }, { secret: TEST_JWT_SECRET })],
      [
        'a tampered payload',
        () => {
          const [header, , signature] = tenant.admin.token.split('.');
          const payload = Buffer.from(JSON.stringify({ ...claims, sub: unique() })).toString('base64url');
          return `${header}.${payload}.${signature}`;
        },
      ],
      ['a truncated signature', () => tenant.admin.token.slice(0, -4)],
      ['garbage', () => 'a.b.c'],
    ];

    it.each(cases)('%s', async (name, token) => {
      const response = await t.http.get('/api/auth/me').set(bearer(token()));
      if (name.endsWith('(control)')) {
        expect(response.status).toBe(200);
        return;
      }
      expectProblem(response, 401, 'INVALID_TOKEN');
    });

    it('refuses a genuine token of a session that does not exist (another tenant id) with 401', async () => {
      const forged = forgeJwt({ ...claims, tid: '00000000-0000-4000-8000-00000000abcd' }, { secret: TEST_JWT_SECRET });
      expectProblem(await t.http.get('/api/auth/me').set(bearer(forged)), 401, 'SESSION_REVOKED');
    });

    it('carries only user, tenant and session ids: no grants, roles or organizations', () => {
      expect(Object.keys(claims).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'sid', 'sub', 'tid']);
    });
  });

  describe('grants are resolved per request', () => {
    it('a removed member loses access on the very next request', async () => {
      const agent = await memberWithRole(t.http, tenant, 'AGENT');
      const organization = `/api/organizations/${tenant.organizationId}`;
      await t.http.get(organization).set(bearer(agent)).expect(200);
      await t.http.delete(`${organization}/members/${agent.userId}`).set(bearer(tenant.admin)).expect(204);
      expectProblem(await t.http.get(organization).set(bearer(agent)), 404, 'ORGANIZATION_NOT_FOUND');
      expectProblem(await t.http.get(`${organization}/members`).set(bearer(agent)), 403, 'FORBIDDEN');
      const me = await t.http.get('/api/auth/me').set(bearer(agent)).expect(200);
      expect(me.body.memberships).toEqual([]);
    });

    it('a downgraded member loses the grant on the very next request, an upgraded one gains it', async () => {
      const manager = await memberWithRole(t.http, tenant, 'MANAGER');
      const org = `/api/organizations/${tenant.organizationId}`;
      await t.http
        .patch(`${org}/members/${manager.userId}`)
        .set(bearer(tenant.admin))
        .send({ role: 'GUEST' })
        .expect(200);
      expectProblem(await t.http.get(`${org}/members`).set(bearer(manager)), 403, 'FORBIDDEN');
      await t.http
        .patch(`${org}/members/${manager.userId}`)
        .set(bearer(tenant.admin))
        .send({ role: 'VIEWER' })
        .expect(200);
      await t.http.get(`${org}/members`).set(bearer(manager)).expect(200);
    });

    it('caches grants briefly: a change made behind the API’s back shows only after invalidation', async () => {
      const viewer = await memberWithRole(t.http, tenant, 'VIEWER');
      const members = `/api/organizations/${tenant.organizationId}/members`;
      await t.http.get(members).set(bearer(viewer)).expect(200);
      // Straight in the database, no unit of work: the cached grants still apply…
      await t.db.query(`UPDATE membership SET role_id = '00000000-0000-4000-8000-000000000001' WHERE user_id = $1`, [
        viewer.userId,
      ]);
      await t.http.get(members).set(bearer(viewer)).expect(200);
      // …until any access change in the tenant goes through the API.
      await t.http
        .patch(`/api/organizations/${tenant.organizationId}`)
        .set(bearer(tenant.admin))
        .send({ name: `Renamed ${unique()}` })
        .expect(200);
      expectProblem(await t.http.get(members).set(bearer(viewer)), 403, 'FORBIDDEN');
    });
  });

  describe('across replicas (REDIS_URL set)', () => {
    it('invalidates the other replica’s cached grants through Redis', async () => {
      const env = { REDIS_URL, ACTOR_CACHE_TTL_MS: '60000', RATE_LIMIT_KEY_PREFIX: `clientele-test-${unique()}:` };
      const replicaA = await createTestApp(env);
      // A second replica on the same database.
      const replicaB: NestFastifyApplication = await createApp({ ...replicaA.config, redisUrl: REDIS_URL });
      try {
        const httpA = replicaA.http;
        const httpB = supertest(replicaB.getHttpServer());
        const shared = await signupTenant(httpA);
        const agent = await memberWithRole(httpA, shared, 'AGENT');
        const organization = `/api/organizations/${shared.organizationId}`;
        await httpB.get(organization).set(bearer(agent)).expect(200); // now cached on B
        await httpA.delete(`${organization}/members/${agent.userId}`).set(bearer(shared.admin)).expect(204);
        let status = 200;
        for (let attempt = 0; attempt < 50 && status === 200; attempt += 1) {
          status = (await httpB.get(organization).set(bearer(agent))).status;
          if (status === 200) await new Promise((resolve) => setTimeout(resolve, 20));
        }
        expect(status).toBe(404);
      } finally {
        await replicaB.close();
        await replicaA.close();
      }
    });
  });
});
