import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatLogLine, loadConfig, prettyLogStream } from '@clientele/core';
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

  describe('format', () => {
    it('is pretty on a terminal outside production and CI, JSON everywhere else, LOG_FORMAT first', () => {
      const tty = { isTTY: true };
      expect(loadConfig({}, tty).logFormat).toBe('pretty');
      expect(loadConfig({}).logFormat).toBe('json');
      expect(loadConfig({}, { isTTY: false }).logFormat).toBe('json');
      expect(loadConfig({ CI: 'true' }, tty).logFormat).toBe('json');
      expect(loadConfig({ NODE_ENV: 'production' }, tty).logFormat).toBe('json');
      expect(loadConfig({ LOG_FORMAT: 'json' }, tty).logFormat).toBe('json');
      expect(loadConfig({ LOG_FORMAT: 'pretty', CI: 'true' }).logFormat).toBe('pretty');
      expect(() => loadConfig({ LOG_FORMAT: 'fancy' })).toThrow(/LOG_FORMAT must be one of/);
    });

    it('writes a request as one readable line: time, level, method, url, status, duration, ids', async () => {
      await t.http
        .get('/api/crm/contacts?limit=2')
        .set(bearer(acme.admin))
        .set('X-Request-Id', 'log-test-pretty-1')
        .expect(200);
      const [line] = byRequest('log-test-pretty-1');
      const pretty = formatLogLine(JSON.stringify(line));
      expect(pretty).toMatch(
        new RegExp(
          String.raw`^\d{2}:\d{2}:\d{2}\.\d{3} INFO  GET /api/crm/contacts\?limit=2 → 200 \d+ms ` +
            String.raw`tenantId=${acme.tenantId} req=log-test-pretty-1\n$`,
        ),
      );
      expect(pretty).not.toContain('{');
      expect(pretty).not.toContain('\x1b[');
    });

    it('shows the context, the other fields as key=value, and an error stack below its line', () => {
      const time = Date.UTC(2026, 0, 2, 3, 4, 5, 6);
      expect(
        formatLogLine(
          JSON.stringify({
            level: 40,
            time,
            pid: 1,
            hostname: 'h',
            context: 'Login',
            reason: 'X',
            msg: 'Login failed',
          }),
        ),
      ).toBe('03:04:05.006 WARN  [Login] Login failed reason=X\n');
      const error = formatLogLine(
        JSON.stringify({ level: 50, time, msg: 'boom', err: { message: 'boom', stack: 'Error: boom\n    at x' } }),
      );
      expect(error).toBe('03:04:05.006 ERROR boom\nError: boom\n    at x\n');
      expect(formatLogLine('not json')).toBe('not json\n');
    });

    it('colours the level only on a terminal, and honours NO_COLOR', () => {
      const written: string[] = [];
      const line = JSON.stringify({ level: 30, time: 0, msg: 'hello' });
      prettyLogStream({ write: (text: string) => written.push(text), isTTY: true }).write(`${line}\n`);
      prettyLogStream({ write: (text: string) => written.push(text), isTTY: false }).write(`${line}\n`);
      expect(written[0]).toContain('\x1b[32mINFO ');
      expect(written[1]).toBe('00:00:00.000 INFO  hello\n');
    });

    it("leaves Nest's per-route start-up lines out of the terminal (not out of JSON), keeps its warnings", () => {
      const written: string[] = [];
      const stream = prettyLogStream({ write: (text: string) => written.push(text) });
      stream.write(`${JSON.stringify({ level: 30, time: 0, context: 'RouterExplorer', msg: 'Mapped {/api, GET}' })}\n`);
      stream.write(`${JSON.stringify({ level: 40, time: 0, context: 'RouterExplorer', msg: 'odd route' })}\n`);
      stream.write(`${JSON.stringify({ level: 30, time: 0, context: 'Clientele', msg: 'listening' })}\n`);
      expect(written).toEqual([
        '00:00:00.000 WARN  [RouterExplorer] odd route\n',
        '00:00:00.000 INFO  [Clientele] listening\n',
      ]);
    });
  });
});
