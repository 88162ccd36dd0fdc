import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aSignup,
  bearer,
  createTestApp,
  expectProblem,
  signupTenant,
  type TenantFixture,
  type TestApp,
  unique,
} from '@clientele/testing';

/** `depth` nested arrays: `[[[…]]]`. */
function nestedArrays(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

describe('hostile input', () => {
  let t: TestApp;
  let tenant: TenantFixture;

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await signupTenant(t.http);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('deeply nested JSON', () => {
    it('refuses a body nested deeper than 32 levels with 400 JSON_TOO_DEEP, unauthenticated, before any transformation', async () => {
      const response = await t.http
        .post('/api/auth/login')
        .set('content-type', 'application/json')
        .send(nestedArrays(3000));
      expectProblem(response, 400, 'JSON_TOO_DEEP', ['body']);
      const objects = await t.http
        .post('/api/auth/login')
        .set('content-type', 'application/json')
        .send(`{"email":${'{"a":'.repeat(33)}1${'}'.repeat(33)},"password":"x"}`);
      expectProblem(objects, 400, 'JSON_TOO_DEEP', ['body']);
    });

    it('parses 32 levels as usual (then the DTO rules answer), and ignores brackets inside strings', async () => {
      expectProblem(
        await t.http
          .post('/api/auth/login')
          .set('content-type', 'application/json')
          .send(`{"email":${nestedArrays(31)},"password":"x"}`),
        400,
        'VALIDATION_FAILED',
        ['email'],
      );
      const inString = `${'['.repeat(60)}"\\"${'{'.repeat(60)}`;
      expectProblem(
        await t.http.post('/api/auth/login').send({ email: 'nobody@example.test', password: inString }),
        401,
        'INVALID_CREDENTIALS',
      );
    });

    it('keeps refusing malformed JSON and prototype poisoning as before', async () => {
      expectProblem(
        await t.http.post('/api/auth/login').set('content-type', 'application/json').send('{"email":'),
        400,
        'MALFORMED_JSON',
      );
      const poisoned = await t.http
        .post('/api/auth/login')
        .set('content-type', 'application/json')
        .send('{"email":"a@example.test","password":"x","__proto__":{"admin":true}}');
      expect(poisoned.status).toBe(400);
      expect(poisoned.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });

  describe('text no PostgreSQL column can hold', () => {
    it('refuses a NUL character in any body text with 400 naming the field, on every route', async () => {
      const admin = bearer(tenant.admin);
      const cases: Array<[string, string, Record<string, unknown>, string]> = [
        ['post', '/api/crm/contacts', { firstName: 'a\u0000b' }, 'firstName'],
        ['post', '/api/tags', { name: `tag\u0000${unique()}` }, 'name'],
        ['post', '/api/organizations', { name: 'Org\u0000' }, 'name'],
        [
          'post',
          '/api/organizations',
          { name: 'Org', settings: { contactStatuses: ['New', 'Wo\u0000n'] } },
          'settings.contactStatuses.1',
        ],
        ['post', '/api/roles', { name: 'Role\u0000', grants: [] }, 'name'],
      ];
      for (const [method, path, body, field] of cases) {
        const response = await (method === 'post' ? t.http.post(path) : t.http.patch(path)).set(admin).send(body);
        expectProblem(response, 400, 'VALIDATION_FAILED', [field]);
      }
      expectProblem(
        await t.http.post('/api/auth/signup').send(aSignup({ tenantName: 'Acme\u0000' })),
        400,
        'VALIDATION_FAILED',
        ['tenantName'],
      );
      // Nothing of the refused requests was stored (the one with a bad status would be named "Org").
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM organization WHERE name = 'Org'`);
      expect(n).toBe(0);
    });

    it('refuses a NUL character in a query filter with 400 naming the parameter', async () => {
      expectProblem(await t.http.get('/api/crm/contacts?q=%00').set(bearer(tenant.admin)), 400, 'VALIDATION_FAILED', [
        'q',
      ]);
      expectProblem(await t.http.get('/api/tags?q=a%00b').set(bearer(tenant.admin)), 400, 'VALIDATION_FAILED', ['q']);
    });

    it('refuses a lone surrogate (login e-mail "\\ud800") with 400, while a proper pair is just text', async () => {
      expectProblem(
        await t.http
          .post('/api/auth/login')
          .set('content-type', 'application/json')
          .send('{"email":"\\ud800","password":"x"}'),
        400,
        'VALIDATION_FAILED',
        ['email'],
      );
      expectProblem(
        await t.http
          .post('/api/crm/contacts')
          .set(bearer(tenant.admin))
          .set('content-type', 'application/json')
          .send('{"firstName":"x\\udc00y"}'),
        400,
        'VALIDATION_FAILED',
        ['firstName'],
      );
      const emoji = await t.http
        .post('/api/crm/contacts')
        .set(bearer(tenant.admin))
        .set('content-type', 'application/json')
        .send('{"firstName":"Zo\\ud83d\\ude00"}');
      expect(emoji.status, JSON.stringify(emoji.body)).toBe(201);
      expect(emoji.body.firstName).toBe('Zo😀');
    });
  });

  describe('null for a field that cannot be empty', () => {
    it('answers 400 naming the field for organizations, settings, roles and tags', async () => {
      const admin = bearer(tenant.admin);
      const org = `/api/organizations/${tenant.organizationId}`;
      const role = await t.http
        .post('/api/roles')
        .set(admin)
        .send({ name: `Nullable ${unique()}`, grants: [] })
        .expect(201);
      const tag = await t.http
        .post('/api/tags')
        .set(admin)
        .send({ name: `Tag ${unique()}` })
        .expect(201);
      const cases: Array<[string, string, Record<string, unknown>, string]> = [
        ['patch', org, { name: null }, 'name'],
        ['patch', org, { settings: { crmEnabled: null } }, 'settings.crmEnabled'],
        ['patch', `${org}/settings`, { crmEnabled: null }, 'crmEnabled'],
        ['patch', `${org}/settings`, { contactStatuses: null }, 'contactStatuses'],
        ['patch', `${org}/settings`, { defaultCurrency: null }, 'defaultCurrency'],
        ['patch', `${org}/settings`, { invoicePrefix: null }, 'invoicePrefix'],
        ['patch', `/api/roles/${role.body.id as string}`, { name: null }, 'name'],
        ['patch', `/api/roles/${role.body.id as string}`, { grants: null }, 'grants'],
        ['post', '/api/tags', { name: `Tag ${unique()}`, color: null }, 'color'],
        ['patch', `/api/tags/${tag.body.id as string}`, { color: null }, 'color'],
        [
          'post',
          '/api/organizations',
          { name: `Org ${unique()}`, settings: { defaultCurrency: null } },
          'settings.defaultCurrency',
        ],
      ];
      for (const [method, path, body, field] of cases) {
        const response = await (method === 'post' ? t.http.post(path) : t.http.patch(path)).set(admin).send(body);
        expectProblem(response, 400, 'VALIDATION_FAILED', [field]);
      }
      const settings = await t.http.get(`${org}/settings`).set(admin).expect(200);
      expect(settings.body).toMatchObject({ crmEnabled: true, defaultCurrency: expect.any(String) });
    });

    it('answers 400 for numbers where strings are expected (contactStatuses: [1, 2])', async () => {
      expectProblem(
        await t.http
          .patch(`/api/organizations/${tenant.organizationId}/settings`)
          .set(bearer(tenant.admin))
          .send({ contactStatuses: [1, 2] }),
        400,
        'VALIDATION_FAILED',
        ['contactStatuses'],
      );
    });
  });
});
