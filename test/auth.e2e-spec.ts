import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aSignup,
  bearer,
  createTestApp,
  expectProblem,
  login,
  signupTenant,
  TEST_PASSWORD,
  type TestApp,
} from '@clientele/testing';

describe('auth', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /api/auth/signup', () => {
    it('creates the tenant, organization and ADMIN membership and logs in', async () => {
      const input = aSignup();
      const response = await t.http.post('/api/auth/signup').send(input);
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ expiresIn: 900, tokenType: 'Bearer' });
      expect(response.body.refreshToken).toMatch(/^rt_/);
      expect(response.headers['set-cookie']?.[0]).toMatch(
        /^refreshToken=rt_.*; Path=\/api\/auth; .*HttpOnly; SameSite=Strict/,
      );

      const [user] = await t.db.query(
        `SELECT u.id, u.tenant_id, u.password_hash, t.name AS tenant_name, o.name AS org_name, r.name AS role
           FROM app_user u JOIN tenant t ON t.id = u.tenant_id
           JOIN membership m ON m.user_id = u.id JOIN organization o ON o.id = m.organization_id
           JOIN role r ON r.id = m.role_id WHERE u.email = $1`,
        [input.email],
      );
      expect(user).toMatchObject({ tenant_name: input.tenantName, org_name: input.organizationName, role: 'ADMIN' });
      expect(user.password_hash).toMatch(/^\$argon2id\$/);
      const tokens = await t.db.query(
        `SELECT rt.token_hash FROM refresh_token rt JOIN auth_session s ON s.id = rt.session_id WHERE s.user_id = $1`,
        [user.id],
      );
      expect(tokens).toHaveLength(1);
      expect(tokens[0].token_hash).not.toContain(response.body.refreshToken);
      const audit = await t.db.query(`SELECT action FROM audit_entry WHERE tenant_id = $1 ORDER BY action`, [
        user.tenant_id,
      ]);
      // The pipelines module gives the new organization its default pipeline in the same transaction.
      expect(audit.map((row: { action: string }) => row.action)).toEqual([
        'organization.created',
        'organization.member_added',
        'pipeline.created',
        'tenant.created',
        'user.created',
      ]);
      const events = await t.db.query(
        `SELECT type, position FROM outbox_event WHERE tenant_id = $1 ORDER BY position`,
        [user.tenant_id],
      );
      expect(events.map((row: { type: string }) => row.type)).toEqual([
        'tenant.created',
        'organization.created',
        'user.created',
        'organization.member_added',
        'pipeline.created',
      ]);
      const outboxPayload = JSON.stringify(
        await t.db.query(`SELECT payload FROM outbox_event WHERE tenant_id = $1`, [user.tenant_id]),
      );
      expect(outboxPayload).not.toContain('argon2');
    });

    it('rejects an e-mail in use with a generic 409 EMAIL_UNAVAILABLE that names no account, and writes nothing', async () => {
      const first = aSignup();
      await t.http.post('/api/auth/signup').send(first).expect(201);
      const response = await t.http.post('/api/auth/signup').send(aSignup({ email: first.email.toUpperCase() }));
      expectProblem(response, 409, 'EMAIL_UNAVAILABLE');
      expect(response.body.detail).toBe('This e-mail address cannot be used for a new account.');
      expect(JSON.stringify(response.body).toLowerCase()).not.toContain(first.email.toLowerCase());
      const tenants = await t.db.query(`SELECT count(*)::int AS n FROM tenant WHERE name LIKE 'Tenant %'`);
      const users = await t.db.query(`SELECT count(*)::int AS n FROM app_user WHERE lower(email) = lower($1)`, [
        first.email,
      ]);
      expect(users[0].n).toBe(1);
      expect(tenants[0].n).toBeGreaterThan(0);
    });

    it('answers bad input with 400 and field errors, unknown fields included', async () => {
      const response = await t.http
        .post('/api/auth/signup')
        .send({ ...aSignup(), email: 'not-an-email', password: 'short', tenantId: 'x' });
      expectProblem(response, 400, 'VALIDATION_FAILED', ['email', 'password', 'tenantId']);
    });

    it('is refused when signup is switched off', async () => {
      const closed = await createTestApp({ SIGNUP_ENABLED: 'false' });
      try {
        const response = await closed.http.post('/api/auth/signup').send(aSignup());
        expectProblem(response, 403, 'SIGNUP_DISABLED');
        const [{ n }] = await closed.db.query(`SELECT count(*)::int AS n FROM tenant`);
        expect(n).toBe(0);
      } finally {
        await closed.close();
      }
    });
  });

  describe('POST /api/auth/login', () => {
    it('returns a 15-minute access token and a refresh token', async () => {
      const tenant = await signupTenant(t.http);
      const response = await t.http
        .post('/api/auth/login')
        .send({ email: tenant.admin.email, password: TEST_PASSWORD });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ expiresIn: 900, tokenType: 'Bearer' });
      const [, payload] = String(response.body.accessToken).split('.');
      const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
      expect(claims.exp - claims.iat).toBe(900);
      expect(claims).toMatchObject({ sub: tenant.admin.userId, tid: tenant.tenantId });
      expect(Object.keys(claims).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'sid', 'sub', 'tid']);
      // A login is audited but is no domain event: nothing for webhook consumers in the outbox.
      const trail = await t.db.query(
        `SELECT a.action, (SELECT count(*)::int FROM outbox_event o WHERE o.type = a.action AND o.tenant_id = a.tenant_id) AS events
           FROM audit_entry a WHERE a.tenant_id = $1 AND a.action = 'user.logged_in'`,
        [tenant.tenantId],
      );
      expect(trail).toEqual([{ action: 'user.logged_in', events: 0 }]);
    });

    it('answers a wrong password and an unknown e-mail alike with 401 problem+json', async () => {
      const tenant = await signupTenant(t.http);
      const wrong = await t.http
        .post('/api/auth/login')
        .send({ email: tenant.admin.email, password: 'wrong password!!' });
      expectProblem(wrong, 401, 'INVALID_CREDENTIALS');
      const unknown = await t.http
        .post('/api/auth/login')
        .send({ email: 'nobody@example.test', password: 'whatever-long' });
      expectProblem(unknown, 401, 'INVALID_CREDENTIALS');
      expect(unknown.body.detail).toBe(wrong.body.detail);
    });

    it('answers malformed JSON with 400 problem+json', async () => {
      const response = await t.http.post('/api/auth/login').set('content-type', 'application/json').send('{"email":');
      expectProblem(response, 400, 'MALFORMED_JSON');
    });

    it('answers an oversized body with 413 problem+json', async () => {
      const response = await t.http
        .post('/api/auth/login')
        .send({ email: 'a@example.test', password: 'x'.repeat(2_000_000) });
      expectProblem(response, 413, 'PAYLOAD_TOO_LARGE');
    });
  });

  describe('POST /api/auth/refresh', () => {
    it('rotates: the new pair works, the old refresh token is retired', async () => {
      const tenant = await signupTenant(t.http);
      const first = await t.http.post('/api/auth/refresh').send({ refreshToken: tenant.admin.refreshToken });
      expect(first.status).toBe(200);
      expect(first.body.refreshToken).not.toBe(tenant.admin.refreshToken);
      await t.http.get('/api/auth/me').set(bearer(first.body.accessToken)).expect(200);
      const retired = await t.db.query(
        `SELECT count(*)::int AS n FROM refresh_token rt JOIN auth_session s ON s.id = rt.session_id
          WHERE s.user_id = $1 AND rt.retired_at IS NOT NULL`,
        [tenant.admin.userId],
      );
      expect(retired[0].n).toBe(1);
    });

    it('accepts the refreshToken cookie', async () => {
      const tenant = await signupTenant(t.http);
      const response = await t.http
        .post('/api/auth/refresh')
        .set('Cookie', `refreshToken=${tenant.admin.refreshToken}`)
        .send({});
      expect(response.status).toBe(200);
      expect(response.body.accessToken).toEqual(expect.any(String));
    });

    it('revokes the whole session when a retired token is presented again', async () => {
      const tenant = await signupTenant(t.http);
      const rotated = await t.http
        .post('/api/auth/refresh')
        .send({ refreshToken: tenant.admin.refreshToken })
        .expect(200);
      const reuse = await t.http.post('/api/auth/refresh').send({ refreshToken: tenant.admin.refreshToken });
      expectProblem(reuse, 401, 'REFRESH_TOKEN_REUSED');
      // Every token of the family is dead now: the newest refresh token and the access tokens.
      expectProblem(
        await t.http.post('/api/auth/refresh').send({ refreshToken: rotated.body.refreshToken }),
        401,
        'INVALID_REFRESH_TOKEN',
      );
      expectProblem(await t.http.get('/api/auth/me').set(bearer(rotated.body.accessToken)), 401, 'SESSION_REVOKED');
    });

    it('answers an unknown token with 401 and a missing one with 401', async () => {
      expectProblem(
        await t.http.post('/api/auth/refresh').send({ refreshToken: 'rt_nope' }),
        401,
        'INVALID_REFRESH_TOKEN',
      );
      expectProblem(await t.http.post('/api/auth/refresh').send({}), 401, 'INVALID_REFRESH_TOKEN');
      expectProblem(await t.http.post('/api/auth/refresh').send({ refreshToken: 42 }), 400, 'VALIDATION_FAILED', [
        'refreshToken',
      ]);
    });
  });

  describe('GET /api/auth/me and POST /api/auth/logout', () => {
    it('returns the user, tenant and memberships with role and grants', async () => {
      const tenant = await signupTenant(t.http);
      const response = await t.http.get('/api/auth/me').set(bearer(tenant.admin));
      expect(response.status).toBe(200);
      expect(response.body.user).toMatchObject({ id: tenant.admin.userId, email: tenant.admin.email });
      expect(response.body.tenant.id).toBe(tenant.tenantId);
      expect(response.body.memberships).toEqual([
        expect.objectContaining({
          organizationId: tenant.organizationId,
          role: 'ADMIN',
          grants: expect.arrayContaining(['ALL_ORG_VIEW', 'ALL_ORG_EDIT', 'ORG_MEMBERS_MANAGE']),
        }),
      ]);
    });

    it('requires a valid bearer token', async () => {
      expectProblem(await t.http.get('/api/auth/me'), 401, 'UNAUTHORIZED');
      expectProblem(await t.http.get('/api/auth/me').set(bearer('not.a.jwt')), 401, 'INVALID_TOKEN');
      const tenant = await signupTenant(t.http);
      const [header, payload] = tenant.admin.token.split('.');
      const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
      expectProblem(await t.http.get('/api/auth/me').set(bearer(unsigned)), 401, 'INVALID_TOKEN');
      const tampered = `${header}.${Buffer.from(JSON.stringify({ sub: 'x', tid: 'y', sid: 'z' })).toString('base64url')}.${tenant.admin.token.split('.')[2]}`;
      expectProblem(await t.http.get('/api/auth/me').set(bearer(tampered)), 401, 'INVALID_TOKEN');
    });

    it('logout revokes the session at once', async () => {
      const tenant = await signupTenant(t.http);
      const session = await login(t.http, tenant.admin.email);
      await t.http.post('/api/auth/logout').set(bearer(session)).expect(204);
      expectProblem(await t.http.get('/api/auth/me').set(bearer(session)), 401, 'SESSION_REVOKED');
      expectProblem(
        await t.http.post('/api/auth/refresh').send({ refreshToken: session.refreshToken }),
        401,
        'INVALID_REFRESH_TOKEN',
      );
      // The other session of the same user is untouched.
      await t.http.get('/api/auth/me').set(bearer(tenant.admin)).expect(200);
    });
  });
});
