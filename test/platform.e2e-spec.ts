import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '@clientele/core';
import { bearer, createTestApp, expectProblem, signupTenant, type TestApp } from '@clientele/testing';

describe('platform', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves liveness and readiness without a token', async () => {
    expect((await t.http.get('/api/health')).body).toEqual({ status: 'ok' });
    expect((await t.http.get('/api/health/ready')).body).toEqual({ status: 'ok', database: 'up' });
  });

  it('answers GET /api with an index: name, version, docs, OpenAPI and health links that work', async () => {
    const index = await t.http.get('/api').expect(200);
    expect(index.body).toEqual({
      name: 'Clientele',
      version: expect.stringMatching(/^\d+\.\d+\.\d+$/),
      links: {
        docs: '/api/docs',
        openapi: '/api/docs-json',
        health: '/api/health',
        ready: '/api/health/ready',
        login: '/api/auth/login',
      },
    });
    expect((await t.http.get('/api/')).status).toBe(200);
    for (const link of ['docs', 'openapi', 'health', 'ready'] as const) {
      expect((await t.http.get(index.body.links[link] as string)).status, link).toBe(200);
    }
    const document = await t.http.get('/api/docs-json').expect(200);
    expect(index.body.version).toBe(document.body.info.version);
  });

  it('answers unknown routes with 404 problem+json', async () => {
    expectProblem(await t.http.get('/api/no-such-route'), 404, 'NOT_FOUND');
    expectProblem(await t.http.post('/api/health').send({}), 404, 'NOT_FOUND');
  });

  it('answers the router’s own errors as problem+json: a bad URL (400) and an over-long path id (414)', async () => {
    const tenant = await signupTenant(t.http);
    const badUrl = await t.http.get('/api/tags/%ff').set(bearer(tenant.admin));
    expectProblem(badUrl, 400, 'BAD_URL');
    expect(badUrl.headers['x-content-type-options']).toBe('nosniff');
    expect(JSON.stringify(badUrl.body)).not.toContain('FST_ERR');
    const tooLong = await t.http.get(`/api/tags/${'a'.repeat(2000)}`).set(bearer(tenant.admin));
    expectProblem(tooLong, 414, 'URI_TOO_LONG');
    expect(tooLong.body.instance).toEqual(expect.any(String));
  });

  it('echoes a sane X-Request-Id and puts it in problems as instance', async () => {
    const response = await t.http.get('/api/no-such-route').set('X-Request-Id', 'trace-123');
    expect(response.headers['x-request-id']).toBe('trace-123');
    expect(response.body.instance).toBe('trace-123');
    const generated = await t.http.get('/api/health').set('X-Request-Id', 'bad id with spaces');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('records the request id on audit entries', async () => {
    const response = await t.http.post('/api/auth/signup').set('X-Request-Id', 'signup-req-1').send({
      tenantName: 'Req Id Ltd',
      organizationName: 'HQ',
      email: 'reqid@example.test',
      password: 'correct horse battery staple',
      firstName: 'R',
      lastName: 'Id',
    });
    expect(response.status).toBe(201);
    const rows = await t.db.query(`SELECT DISTINCT request_id FROM audit_entry WHERE request_id = 'signup-req-1'`);
    expect(rows).toEqual([{ request_id: 'signup-req-1' }]);
  });

  it('serves Swagger UI and the OpenAPI document with the bearer scheme and problem schema', async () => {
    const ui = await t.http.get('/api/docs/');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger-ui');
    const json = await t.http.get('/api/docs-json');
    expect(json.status).toBe(200);
    expect(json.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(json.body.components.schemas.Problem.properties).toHaveProperty('code');
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/organizations/{id}']),
    );
    expect(json.body.paths['/api/auth/login'].post.responses['401'].content).toHaveProperty('application/problem+json');
  });

  it('does not serve Swagger UI or the OpenAPI document with API_DOCS_ENABLED=false', async () => {
    const closed = await createTestApp({ API_DOCS_ENABLED: 'false' });
    try {
      expectProblem(await closed.http.get('/api/docs'), 404, 'NOT_FOUND');
      expectProblem(await closed.http.get('/api/docs-json'), 404, 'NOT_FOUND');
      await closed.http.get('/api/health').expect(200);
      expect((await closed.http.get('/api').expect(200)).body.links).not.toHaveProperty('docs');
    } finally {
      await closed.close();
    }
  });

  it('declares a grant or @Public on every operation of the document', () => {
    const document = buildOpenApiDocument(t.app);
    const operations = Object.values(document.paths).flatMap((item) => Object.keys(item));
    expect(operations.length).toBeGreaterThan(10);
  });

  it('never lets bad input reach the database as a 500', async () => {
    const tenant = await signupTenant(t.http);
    const responses = await Promise.all([
      t.http.get('/api/organizations?limit=abc').set(bearer(tenant.admin)),
      t.http.get('/api/organizations?cursor=%00%01').set(bearer(tenant.admin)),
      t.http.get('/api/organizations?offset=-1').set(bearer(tenant.admin)),
      t.http.patch(`/api/organizations/${tenant.organizationId}`).set(bearer(tenant.admin)).send([1, 2]),
      t.http.patch(`/api/organizations/${tenant.organizationId}`).set(bearer(tenant.admin)).send({ name: 42 }),
    ]);
    for (const response of responses) {
      expect(response.status, JSON.stringify(response.body)).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});
