import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aSignup, bearer, createTestApp, type TestApp } from '@clientele/testing';

const ALLOWED = 'https://app.example.test';

describe('security headers and CORS', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ CORS_ORIGINS: `${ALLOWED},https://admin.example.test` });
  });
  afterAll(async () => {
    await t.close();
  });

  it('sends the security headers on API responses, errors included', async () => {
    for (const response of [await t.http.get('/api/health'), await t.http.get('/api/auth/me')]) {
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(response.headers['x-powered-by']).toBeUndefined();
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
    }
  });

  it('marks API responses Cache-Control: no-store — tokens, records, lists, exports and errors — but not the docs', async () => {
    const signup = await t.http.post('/api/auth/signup').send(aSignup()).expect(201);
    expect(signup.headers['cache-control']).toBe('no-store');
    const token = signup.body.accessToken as string;
    for (const path of ['/api/auth/me', '/api/organizations', '/api/crm/contacts?format=csv', '/api/roles/nope']) {
      const response = await t.http.get(path).set(bearer(token));
      expect(response.headers['cache-control'], path).toBe('no-store');
    }
    expect((await t.http.get('/api/auth/me')).headers['cache-control']).toBe('no-store');
    expect((await t.http.get('/api/docs-json')).headers['cache-control']).not.toBe('no-store');
  });

  it('keeps Swagger UI working: the page and every script and stylesheet it references load', async () => {
    const page = await t.http.get('/api/docs').redirects(1);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const html = page.text;
    // No inline script: the CSP allows scripts from the API's own origin only.
    expect(html).not.toMatch(/<script>(?!\s*<\/script>)/);
    const assets = [...html.matchAll(/(?:src|href)=['"]([^'"]+\.(?:js|css))['"]/g)].map((match) => match[1] ?? '');
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const asset of assets) {
      const url = asset.startsWith('/') ? asset : `/api/docs/${asset.replace(/^\.\//, '')}`;
      const response = await t.http.get(url);
      expect(response.status, url).toBe(200);
    }
    const document = await t.http.get('/api/docs-json').expect(200);
    expect(document.body.paths).toHaveProperty('/api/roles');
    expect(document.body.paths).toHaveProperty('/api/api-keys');
    expect(document.body.paths).toHaveProperty('/api/audit');
    expect(document.body.paths).toHaveProperty('/api/auth/mfa/setup');
  });

  it('answers CORS preflights for allowed origins only, exposing the rate-limit headers', async () => {
    const allowed = await t.http
      .options('/api/auth/login')
      .set('Origin', ALLOWED)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,authorization');
    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');

    const actual = await t.http.get('/api/health').set('Origin', ALLOWED);
    expect(actual.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(String(actual.headers['access-control-expose-headers'])).toContain('RateLimit-Remaining');

    const refused = await t.http
      .options('/api/auth/login')
      .set('Origin', 'https://evil.example.test')
      .set('Access-Control-Request-Method', 'POST');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    const refusedGet = await t.http.get('/api/health').set('Origin', 'https://evil.example.test');
    expect(refusedGet.headers['access-control-allow-origin']).toBeUndefined();
  });
});
