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

function refreshCookie(response: { headers: Record<string, unknown> }): string {
  const header = response.headers['set-cookie'];
  const cookies = Array.isArray(header) ? (header as string[]) : [String(header)];
  return cookies.find((cookie) => cookie.startsWith('refreshToken=')) ?? '';
}

describe('sessions, refresh and password changes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('refresh cookie', () => {
    it('is HttpOnly, SameSite=Strict, limited to /api/auth, lives as long as the session, not Secure in tests', async () => {
      const tenant = await signupTenant(t.http);
      const response = await t.http
        .post('/api/auth/login')
        .send({ email: tenant.admin.email, password: TEST_PASSWORD });
      const cookie = refreshCookie(response);
      expect(cookie).toMatch(/^refreshToken=rt_[A-Za-z0-9_-]+; /);
      const attributes = cookie.split('; ').slice(1);
      expect(attributes).toEqual(expect.arrayContaining(['Path=/api/auth', 'HttpOnly', 'SameSite=Strict']));
      expect(attributes).not.toContain('Secure');
      const maxAge = Number(attributes.find((attribute) => attribute.startsWith('Max-Age='))?.slice(8));
      // The absolute session lifetime (REFRESH_TOKEN_TTL_SECONDS, 12 h by default), give or take a second.
      expect(maxAge).toBeGreaterThan(43_200 - 5);
      expect(maxAge).toBeLessThanOrEqual(43_200);
      expect(cookie).toContain(response.body.refreshToken);
    });

    it('is Secure when COOKIE_SECURE is on, and logout clears it', async () => {
      const secure = await createTestApp({ COOKIE_SECURE: 'true' });
      try {
        const tenant = await signupTenant(secure.http);
        const response = await secure.http
          .post('/api/auth/login')
          .send({ email: tenant.admin.email, password: TEST_PASSWORD });
        expect(refreshCookie(response).split('; ')).toContain('Secure');
        const logout = await secure.http.post('/api/auth/logout').set(bearer(response.body.accessToken)).expect(204);
        expect(refreshCookie(logout)).toMatch(
          /^refreshToken=; Path=\/api\/auth; Max-Age=0; HttpOnly; SameSite=Strict; Secure$/,
        );
      } finally {
        await secure.close();
      }
    });
  });

  describe('session lifetime', () => {
    it('ends a session idle longer than SESSION_IDLE_TIMEOUT_SECONDS: 401 SESSION_EXPIRED, revoked', async () => {
      const tenant = await signupTenant(t.http);
      const session = await login(t.http, tenant.admin.email);
      const idle = t.config.auth.sessionIdleTimeoutSeconds;
      await t.db.query(
        `UPDATE auth_session SET last_used_at = now() - make_interval(secs => $2)
          WHERE id = (SELECT session_id FROM refresh_token WHERE token_hash = encode(sha256($1::bytea), 'hex'))`,
        [session.refreshToken, idle + 1],
      );
      expectProblem(
        await t.http.post('/api/auth/refresh').send({ refreshToken: session.refreshToken }),
        401,
        'SESSION_EXPIRED',
      );
      const [row] = await t.db.query(
        `SELECT revoked_reason FROM auth_session WHERE id = (SELECT session_id FROM refresh_token WHERE token_hash = encode(sha256($1::bytea), 'hex'))`,
        [session.refreshToken],
      );
      expect(row.revoked_reason).toBe('idle_timeout');
      expectProblem(await t.http.get('/api/auth/me').set(bearer(session)), 401, 'SESSION_REVOKED');
    });

    it('keeps a session used within the idle timeout, and moves its idle clock on each refresh', async () => {
      const tenant = await signupTenant(t.http);
      const session = await login(t.http, tenant.admin.email);
      const idle = t.config.auth.sessionIdleTimeoutSeconds;
      await t.db.query(
        `UPDATE auth_session SET last_used_at = now() - make_interval(secs => $2)
          WHERE id = (SELECT session_id FROM refresh_token WHERE token_hash = encode(sha256($1::bytea), 'hex'))`,
        [session.refreshToken, idle - 60],
      );
      const refreshed = await t.http.post('/api/auth/refresh').send({ refreshToken: session.refreshToken });
      expect(refreshed.status).toBe(200);
      const [row] = await t.db.query(
        `SELECT extract(epoch FROM now() - last_used_at)::float8 AS idle FROM auth_session
          WHERE id = (SELECT session_id FROM refresh_token WHERE token_hash = encode(sha256($1::bytea), 'hex'))`,
        [refreshed.body.refreshToken],
      );
      expect(row.idle).toBeLessThan(5);
    });

    it('ends a session at its absolute expiry whatever its use: 401 SESSION_EXPIRED', async () => {
      const tenant = await signupTenant(t.http);
      const session = await login(t.http, tenant.admin.email);
      await t.db.query(
        `UPDATE auth_session SET expires_at = now() - interval '1 second'
          WHERE id = (SELECT session_id FROM refresh_token WHERE token_hash = encode(sha256($1::bytea), 'hex'))`,
        [session.refreshToken],
      );
      expectProblem(
        await t.http.post('/api/auth/refresh').send({ refreshToken: session.refreshToken }),
        401,
        'SESSION_EXPIRED',
      );
      expectProblem(await t.http.get('/api/auth/me').set(bearer(session)), 401, 'SESSION_REVOKED');
    });

    it('revokes every token of the family when a rotated refresh token is replayed', async () => {
      const tenant = await signupTenant(t.http);
      const first = await login(t.http, tenant.admin.email);
      const second = await t.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200);
      const third = await t.http.post('/api/auth/refresh').send({ refreshToken: second.body.refreshToken }).expect(200);
      expectProblem(
        await t.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }),
        401,
        'REFRESH_TOKEN_REUSED',
      );
      for (const token of [second.body.refreshToken, third.body.refreshToken]) {
        expectProblem(
          await t.http.post('/api/auth/refresh').send({ refreshToken: token }),
          401,
          'INVALID_REFRESH_TOKEN',
        );
      }
      for (const access of [first.token, second.body.accessToken, third.body.accessToken]) {
        expectProblem(await t.http.get('/api/auth/me').set(bearer(access)), 401, 'SESSION_REVOKED');
      }
      const [row] = await t.db.query(
        `SELECT s.revoked_reason, count(t.*)::int AS tokens FROM auth_session s JOIN refresh_token t ON t.session_id = s.id
          WHERE s.user_id = $1 AND s.revoked_reason IS NOT NULL GROUP BY s.id`,
        [tenant.admin.userId],
      );
      expect(row).toEqual({ revoked_reason: 'refresh_token_reuse', tokens: 3 });
      // The user's other session (from signup) is another family and keeps working.
      await t.http.get('/api/auth/me').set(bearer(tenant.admin)).expect(200);
    });
  });

  describe('POST /api/auth/password', () => {
    it('changes the password and logs out every other session, keeping this one', async () => {
      const tenant = await signupTenant(t.http);
      const other = await login(t.http, tenant.admin.email);
      const current = await login(t.http, tenant.admin.email);
      const newPassword = 'a much better passphrase 42';
      await t.http
        .post('/api/auth/password')
        .set(bearer(current))
        .send({ currentPassword: TEST_PASSWORD, newPassword })
        .expect(204);

      await t.http.get('/api/auth/me').set(bearer(current)).expect(200);
      await t.http.post('/api/auth/refresh').send({ refreshToken: current.refreshToken }).expect(200);
      for (const session of [other, tenant.admin]) {
        expectProblem(await t.http.get('/api/auth/me').set(bearer(session)), 401, 'SESSION_REVOKED');
        expectProblem(
          await t.http.post('/api/auth/refresh').send({ refreshToken: session.refreshToken }),
          401,
          'INVALID_REFRESH_TOKEN',
        );
      }
      expectProblem(
        await t.http.post('/api/auth/login').send({ email: tenant.admin.email, password: TEST_PASSWORD }),
        401,
        'INVALID_CREDENTIALS',
      );
      await login(t.http, tenant.admin.email, newPassword);

      const sessions = await t.db.query(
        `SELECT revoked_reason FROM auth_session WHERE user_id = $1 AND revoked_reason IS NOT NULL`,
        [tenant.admin.userId],
      );
      expect(sessions).toEqual([{ revoked_reason: 'password_changed' }, { revoked_reason: 'password_changed' }]);
      const [audit] = await t.db.query(
        `SELECT actor_id, after FROM audit_entry WHERE action = 'user.password_changed' AND entity_id = $1`,
        [tenant.admin.userId],
      );
      expect(audit).toEqual({ actor_id: tenant.admin.userId, after: { revokedSessions: 2 } });
      const trail = JSON.stringify(
        await t.db.query(`SELECT * FROM audit_entry WHERE tenant_id = $1`, [tenant.tenantId]),
      );
      expect(trail).not.toContain('argon2');
    });

    it('answers a wrong current password with 400 INVALID_PASSWORD and keeps the old one', async () => {
      const tenant = await signupTenant(t.http);
      expectProblem(
        await t.http
          .post('/api/auth/password')
          .set(bearer(tenant.admin))
          .send({ currentPassword: 'not my password', newPassword: 'a much better passphrase 42' }),
        400,
        'INVALID_PASSWORD',
        ['currentPassword'],
      );
      await login(t.http, tenant.admin.email);
      const [failure] = await t.db.query(
        `SELECT after FROM audit_entry WHERE action = 'user.reauthentication_failed' AND entity_id = $1`,
        [tenant.admin.userId],
      );
      expect(failure.after).toMatchObject({ reason: 'INVALID_PASSWORD', failures: 1 });
    });

    it('applies the password policy to the new password', async () => {
      const tenant = await signupTenant(t.http);
      const attempts: Array<[Record<string, unknown>, string[]]> = [
        [{ currentPassword: TEST_PASSWORD, newPassword: 'short' }, ['newPassword']],
        [{ currentPassword: TEST_PASSWORD, newPassword: 'Password1234' }, ['newPassword']],
        [{ currentPassword: TEST_PASSWORD, newPassword: 'qwerty123456' }, ['newPassword']],
        [{ currentPassword: TEST_PASSWORD, newPassword: tenant.admin.email }, ['newPassword']],
        [{ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }, ['newPassword']],
        [{ newPassword: 'a much better passphrase 42' }, ['currentPassword']],
        [{ currentPassword: TEST_PASSWORD, newPassword: 'a much better passphrase 42', userId: 'x' }, ['userId']],
      ];
      for (const [body, fields] of attempts) {
        expectProblem(
          await t.http.post('/api/auth/password').set(bearer(tenant.admin)).send(body),
          400,
          'VALIDATION_FAILED',
          fields,
        );
      }
      await login(t.http, tenant.admin.email);
    });

    it('needs a user session', async () => {
      expectProblem(
        await t.http.post('/api/auth/password').send({ currentPassword: TEST_PASSWORD, newPassword: 'x'.repeat(20) }),
        401,
        'UNAUTHORIZED',
      );
    });
  });

  describe('password policy', () => {
    it('refuses common passwords and the e-mail itself at signup and when adding a member', async () => {
      for (const password of ['password1234', 'QWERTYUIOPAS', '123456789012', 'aaaaaaaaaaaaaaa']) {
        const response = await t.http.post('/api/auth/signup').send(aSignup({ password }));
        expectProblem(response, 400, 'VALIDATION_FAILED', ['password']);
      }
      const email = `same-${Date.now()}@example.test`;
      expectProblem(
        await t.http.post('/api/auth/signup').send(aSignup({ email, password: email })),
        400,
        'VALIDATION_FAILED',
        ['password'],
      );
      const tenant = await signupTenant(t.http);
      expectProblem(
        await t.http
          .post(`/api/organizations/${tenant.organizationId}/members`)
          .set(bearer(tenant.admin))
          .send({
            email: `m-${Date.now()}@example.test`,
            password: 'letmein12345',
            firstName: 'M',
            lastName: 'M',
            role: 'AGENT',
          }),
        400,
        'VALIDATION_FAILED',
        ['password'],
      );
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM app_user WHERE email = $1`, [email]);
      expect(n).toBe(0);
    });
  });
});
