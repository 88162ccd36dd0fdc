import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createTestApp,
  expectProblem,
  login,
  signupTenant,
  TEST_PASSWORD,
  type TestApp,
  unique,
} from '@clientele/testing';

function emailHash(email: string): string {
  return createHash('sha256').update(email.toLowerCase()).digest('hex');
}

describe('brute-force protection', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function failLogins(email: string, times: number): Promise<void> {
    for (let attempt = 1; attempt <= times; attempt += 1) {
      expectProblem(
        await t.http.post('/api/auth/login').send({ email, password: `wrong password ${attempt}` }),
        401,
        'INVALID_CREDENTIALS',
      );
    }
  }

  describe('account lockout', () => {
    it('locks an account after 5 failures in 15 minutes: 429 ACCOUNT_LOCKED with Retry-After, even with the right password', async () => {
      const tenant = await signupTenant(t.http);
      const email = tenant.admin.email;
      await failLogins(email, 4);
      await login(t.http, email); // a success starts the count over
      await failLogins(email, 5);

      const locked = await t.http.post('/api/auth/login').send({ email, password: TEST_PASSWORD });
      expectProblem(locked, 429, 'ACCOUNT_LOCKED');
      const retryAfter = Number(locked.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(800);
      expect(retryAfter).toBeLessThanOrEqual(900);
      expect(locked.body).not.toHaveProperty('accessToken');

      const [row] = await t.db.query(
        `SELECT failed_count, locked_until > now() AS locked FROM login_lockout WHERE email_hash = $1`,
        [emailHash(email)],
      );
      expect(row).toEqual({ failed_count: 5, locked: true });
      const audit = await t.db.query(
        `SELECT action, actor_type, actor_id, after->>'failures' AS failures FROM audit_entry
          WHERE entity_id = $1 AND action IN ('user.login_failed', 'user.locked_out', 'user.logged_in')
          ORDER BY created_at, action`,
        [tenant.admin.userId],
      );
      expect(audit.map((entry: { action: string }) => entry.action)).toEqual([
        ...Array<string>(4).fill('user.login_failed'),
        'user.logged_in',
        ...Array<string>(4).fill('user.login_failed'),
        'user.locked_out',
        'user.login_failed',
      ]);
      expect(audit.filter((entry: { action: string }) => entry.action === 'user.login_failed')).toContainEqual({
        action: 'user.login_failed',
        actor_type: 'anonymous',
        actor_id: null,
        failures: '5',
      });
    });

    it('holds under a parallel burst: 19 wrong passwords and the right one last, only 5 evaluated, the right one refused', async () => {
      const tenant = await signupTenant(t.http);
      const email = tenant.admin.email;
      const wrong = Array.from({ length: 19 }, (_, index) =>
        t.http.post('/api/auth/login').send({ email, password: `parallel guess ${index}` }),
      );
      const right = t.http.post('/api/auth/login').send({ email, password: TEST_PASSWORD });
      const responses = await Promise.all([...wrong, right].map(async (request) => request));
      const statuses = responses.map((response) => response.status);
      // Exactly LOGIN_MAX_FAILURES attempts were evaluated; every other one was refused unchecked.
      expect(statuses.filter((status) => status === 401)).toHaveLength(5);
      expect(statuses.filter((status) => status === 429)).toHaveLength(15);
      // The right one came while 5 guesses were in flight or after they locked the account.
      expect(['ACCOUNT_LOCKED', 'LOGIN_IN_PROGRESS']).toContain(responses[19].body.code);
      expect(responses[19].status).toBe(429);
      expectProblem(
        await t.http.post('/api/auth/login').send({ email, password: TEST_PASSWORD }),
        429,
        'ACCOUNT_LOCKED',
      );
      const [row] = await t.db.query(
        `SELECT failed_count, locked_until > now() AS locked FROM login_lockout WHERE email_hash = $1`,
        [emailHash(email)],
      );
      expect(row).toEqual({ failed_count: 5, locked: true });
      const [{ evaluated, locks }] = await t.db.query(
        `SELECT count(*) FILTER (WHERE action = 'user.login_failed')::int AS evaluated,
                count(*) FILTER (WHERE action = 'user.locked_out')::int AS locks
           FROM audit_entry WHERE entity_id = $1`,
        [tenant.admin.userId],
      );
      expect({ evaluated, locks }).toEqual({ evaluated: 5, locks: 1 });
    });

    it('never locks an account for parallel logins with the right password: the extra ones wait a second', async () => {
      const tenant = await signupTenant(t.http);
      const email = tenant.admin.email;
      const login = () => t.http.post('/api/auth/login').send({ email, password: TEST_PASSWORD });
      const responses = await Promise.all(Array.from({ length: 12 }, login));
      const codes = responses.map((response) => (response.status === 200 ? 'OK' : response.body.code));
      expect(codes).toContain('OK');
      expect(codes.filter((code) => code !== 'OK' && code !== 'LOGIN_IN_PROGRESS')).toEqual([]);
      for (const refused of responses.filter((response) => response.status !== 200)) {
        expectProblem(refused, 429, 'LOGIN_IN_PROGRESS');
        expect(refused.headers['retry-after']).toBe('1');
      }
      const rows: Array<{ failed_count: number; locked_until: Date | null }> = await t.db.query(
        `SELECT failed_count, locked_until FROM login_lockout WHERE email_hash = $1`,
        [emailHash(email)],
      );
      expect(rows.every((row) => row.failed_count === 0 && row.locked_until === null)).toBe(true);
      expect((await login()).status).toBe(200);
    });

    it('forgets attempts left in flight by a process that died a minute ago', async () => {
      const tenant = await signupTenant(t.http);
      const email = tenant.admin.email;
      await t.db.query(
        `INSERT INTO login_lockout (email_hash, failed_count, window_started_at, pending_count, pending_since)
         VALUES ($1, 0, now(), 5, now())`,
        [emailHash(email)],
      );
      expectProblem(
        await t.http.post('/api/auth/login').send({ email, password: TEST_PASSWORD }),
        429,
        'LOGIN_IN_PROGRESS',
      );
      await t.db.query(`UPDATE login_lockout SET pending_since = now() - interval '61 seconds' WHERE email_hash = $1`, [
        emailHash(email),
      ]);
      expect((await t.http.post('/api/auth/login').send({ email, password: TEST_PASSWORD })).status).toBe(200);
    });

    it('does not count a confirmed current password (each attempt is counted first, then given back)', async () => {
      const tenant = await signupTenant(t.http);
      await failLogins(tenant.admin.email, 4);
      // A right current password is given back: it neither counts nor locks.
      await t.http
        .post('/api/auth/password')
        .set(bearer(tenant.admin))
        .send({ currentPassword: TEST_PASSWORD, newPassword: 'a much better passphrase 42' })
        .expect(204);
      const [row] = await t.db.query(`SELECT failed_count, locked_until FROM login_lockout WHERE email_hash = $1`, [
        emailHash(tenant.admin.email),
      ]);
      expect(row).toEqual({ failed_count: 4, locked_until: null });
    });

    it('lifts the lock after its time: the right password works again and the count starts over', async () => {
      const tenant = await signupTenant(t.http);
      const email = tenant.admin.email;
      await failLogins(email, 5);
      expectProblem(
        await t.http.post('/api/auth/login').send({ email, password: TEST_PASSWORD }),
        429,
        'ACCOUNT_LOCKED',
      );
      // Move the clock: the lock ended a second ago.
      await t.db.query(`UPDATE login_lockout SET locked_until = now() - interval '1 second' WHERE email_hash = $1`, [
        emailHash(email),
      ]);
      const session = await login(t.http, email);
      await t.http.get('/api/auth/me').set(bearer(session)).expect(200);
      const rows = await t.db.query(`SELECT * FROM login_lockout WHERE email_hash = $1`, [emailHash(email)]);
      expect(rows).toHaveLength(0);
    });

    it('treats failures older than the window as forgotten', async () => {
      const tenant = await signupTenant(t.http);
      const email = tenant.admin.email;
      await failLogins(email, 4);
      await t.db.query(
        `UPDATE login_lockout SET window_started_at = now() - interval '16 minutes' WHERE email_hash = $1`,
        [emailHash(email)],
      );
      await failLogins(email, 1);
      const [row] = await t.db.query(`SELECT failed_count, locked_until FROM login_lockout WHERE email_hash = $1`, [
        emailHash(email),
      ]);
      expect(row).toEqual({ failed_count: 1, locked_until: null });
      await login(t.http, email);
    });

    it('locks an unknown e-mail exactly like a known one, so the lock reveals no account', async () => {
      const email = `nobody-${unique()}@example.test`;
      await failLogins(email, 5);
      const locked = await t.http.post('/api/auth/login').send({ email, password: 'anything at all' });
      expectProblem(locked, 429, 'ACCOUNT_LOCKED');
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
      // No tenant to audit in: nothing is stored but the counter, keyed by a hash of the e-mail.
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_entry WHERE after::text LIKE $1`, [
        `%${email}%`,
      ]);
      expect(n).toBe(0);
      const [row] = await t.db.query(`SELECT failed_count FROM login_lockout WHERE email_hash = $1`, [
        emailHash(email),
      ]);
      expect(row.failed_count).toBe(5);
      const [{ plain }] = await t.db.query(`SELECT count(*)::int AS plain FROM login_lockout WHERE email_hash = $1`, [
        email,
      ]);
      expect(plain).toBe(0);
    });

    it('counts wrong current passwords of a logged-in user towards the same lock', async () => {
      const tenant = await signupTenant(t.http);
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        expectProblem(
          await t.http
            .post('/api/auth/password')
            .set(bearer(tenant.admin))
            .send({ currentPassword: `guess number ${attempt}`, newPassword: 'a much better passphrase 42' }),
          400,
          'INVALID_PASSWORD',
        );
      }
      expectProblem(
        await t.http
          .post('/api/auth/password')
          .set(bearer(tenant.admin))
          .send({ currentPassword: TEST_PASSWORD, newPassword: 'a much better passphrase 42' }),
        429,
        'ACCOUNT_LOCKED',
      );
      expectProblem(
        await t.http.post('/api/auth/login').send({ email: tenant.admin.email, password: TEST_PASSWORD }),
        429,
        'ACCOUNT_LOCKED',
      );
    });
  });

  describe('per-IP throttling of login and signup', () => {
    it('answers 429 RATE_LIMITED with Retry-After once an address spends RATE_LIMIT_AUTH_PER_IP attempts', async () => {
      const limited = await createTestApp({
        RATE_LIMIT_ENABLED: 'true',
        RATE_LIMIT_AUTH_PER_IP: '3',
        RATE_LIMIT_PER_IP: '1000',
        RATE_LIMIT_PER_ACTOR: '1000',
      });
      try {
        const tenant = await signupTenant(limited.http); // one attempt
        const first = await limited.http
          .post('/api/auth/login')
          .send({ email: `x-${unique()}@example.test`, password: 'whatever it is' });
        expectProblem(first, 401, 'INVALID_CREDENTIALS');
        expect(first.headers['ratelimit-limit']).toBe('3');
        expect(first.headers['ratelimit-remaining']).toBe('1');
        await limited.http
          .post('/api/auth/login')
          .send({ email: tenant.admin.email, password: TEST_PASSWORD })
          .expect(200);
        // The fourth attempt from this address is refused before the password is even checked.
        const refused = await limited.http
          .post('/api/auth/login')
          .send({ email: tenant.admin.email, password: TEST_PASSWORD });
        expectProblem(refused, 429, 'RATE_LIMITED');
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
        expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
        expect(refused.headers['ratelimit-remaining']).toBe('0');
        // Other routes are not affected by the auth budget.
        await limited.http.get('/api/auth/me').set(bearer(tenant.admin)).expect(200);
      } finally {
        await limited.close();
      }
    });
  });
});
