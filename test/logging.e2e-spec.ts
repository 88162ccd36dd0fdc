import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, signupTenant, type TenantFixture, type TestApp } from '@clientele/testing';

type LogLine = Record<string, unknown>;

/** JSON log lines (pino-http): one per request with its id, tenant and status; request context on the others. */
describe('logging', () => {
  let t: TestApp;
  let acme: TenantFixture;
  const lines: LogLine[] = [];

  beforeAll(async () => {
    t = await createTestApp(
      { LOG_LEVEL: 'info' },
      {
        write: (chunk: string) => {
          lines.push(JSON.parse(chunk) as LogLine);
        },
      },
    );
    acme = await signupTenant(t.http);
  });
  afterAll(async () => {
    await t.close();
  });

  // pino-http puts the request (id, method, url) on the request line and on every line logged
  // while the request is served.
  const byRequest = (reqId: string): LogLine[] =>
    lines.filter((line) => (line.req as { id?: unknown } | undefined)?.id === reqId);

  it('writes one line per request with its id, method, url, status, time and tenant', async () => {
    await t.http
      .get(`/api/crm/contacts?limit=1`)
      .set(bearer(acme.admin))
      .set('X-Request-Id', 'log-test-list-1')
      .expect(200);
    const [line, ...more] = byRequest('log-test-list-1');
    expect(more).toEqual([]);
    expect(line).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: { method: 'GET', url: '/api/crm/contacts?limit=1' },
      res: { statusCode: 200 },
      tenantId: acme.tenantId,
    });
    expect(typeof line?.responseTime).toBe('number');
    expect(JSON.stringify(line)).not.toContain(acme.admin.token);
  });

  it('tags what a handler logs with the request id and the logger context', async () => {
    await t.http
      .post('/api/auth/login')
      .set('X-Request-Id', 'log-test-login-1')
      .send({ email: 'nobody-here@example.test', password: 'wrong-password-123' })
      .expect(401);
    const lines = byRequest('log-test-login-1');
    expect(lines.find((line) => line.msg === 'Login failed for an unknown e-mail')).toMatchObject({
      level: 40,
      context: 'Login',
      reason: 'INVALID_CREDENTIALS',
    });
    expect(lines.find((line) => line.msg === 'request completed')).toMatchObject({ res: { statusCode: 401 } });
  });

  it('writes no line for health probes', async () => {
    await t.http.get('/api/health').set('X-Request-Id', 'log-test-health-1').expect(200);
    expect(byRequest('log-test-health-1')).toEqual([]);
  });
});
