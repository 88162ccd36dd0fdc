import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
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

  describe('what the fuzz found (issue 19)', () => {
    it('answers 400 for null where a field cannot be null: settings, role description, key expiry, customer kind and tags', async () => {
      const admin = bearer(tenant.admin);
      const role = await t.http
        .post('/api/roles')
        .set(admin)
        .send({ name: `Described ${unique()}`, grants: [], description: 'kept' })
        .expect(201);
      const customer = await t.http
        .post('/api/crm/customers')
        .set(admin)
        .send({ name: `Customer ${unique()}` })
        .expect(201);
      const cases: Array<[string, string, Record<string, unknown>, string]> = [
        ['post', '/api/organizations', { name: `Org ${unique()}`, settings: null }, 'settings'],
        ['patch', `/api/organizations/${tenant.organizationId}`, { settings: null }, 'settings'],
        ['post', '/api/roles', { name: `Role ${unique()}`, grants: [], description: null }, 'description'],
        ['patch', `/api/roles/${role.body.id as string}`, { description: null }, 'description'],
        [
          'post',
          '/api/api-keys',
          {
            name: `key-${unique()}`,
            grants: ['ORG_CONTACT_VIEW'],
            organizationIds: [tenant.organizationId],
            expiresAt: null,
          },
          'expiresAt',
        ],
        ['post', '/api/crm/customers', { name: `Customer ${unique()}`, kind: null }, 'kind'],
        ['post', '/api/crm/customers', { name: `Customer ${unique()}`, tags: null }, 'tags'],
        ['post', '/api/crm/customers', { name: `Customer ${unique()}`, tagIds: null }, 'tagIds'],
        ['patch', `/api/crm/customers/${customer.body.id as string}`, { tags: null }, 'tags'],
        ['patch', `/api/crm/customers/${customer.body.id as string}`, { tagIds: null }, 'tagIds'],
      ];
      for (const [method, path, body, field] of cases) {
        const response = await (method === 'post' ? t.http.post(path) : t.http.patch(path)).set(admin).send(body);
        expectProblem(response, 400, 'VALIDATION_FAILED', [field]);
      }
      const [{ description }] = await t.db.query(`SELECT description FROM role WHERE id = $1`, [role.body.id]);
      expect(description).toBe('kept');
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM api_key WHERE tenant_id = $1`, [
        tenant.tenantId,
      ]);
      expect(n).toBe(0);
    });

    it('answers 400 for an array or a scalar where an object is expected (settings: [], deep arrays)', async () => {
      const admin = bearer(tenant.admin);
      const org = `/api/organizations/${tenant.organizationId}`;
      const bodies: Array<[string, Record<string, unknown>]> = [
        ['post', { name: `Org ${unique()}`, settings: [] }],
        ['post', { name: `Org ${unique()}`, settings: [[[[[]]]]] }],
        ['post', { name: `Org ${unique()}`, settings: [{ crmEnabled: false }] }],
        ['post', { name: `Org ${unique()}`, settings: 'on' }],
        ['patch', { settings: [] }],
        ['patch', { settings: [[[]]] }],
      ];
      for (const [method, body] of bodies) {
        const response = await (method === 'post' ? t.http.post('/api/organizations') : t.http.patch(org))
          .set(admin)
          .send(body);
        expectProblem(response, 400, 'VALIDATION_FAILED', ['settings']);
      }
      const settings = await t.http.get(`${org}/settings`).set(admin).expect(200);
      expect(settings.body.crmEnabled).toBe(true);
      // A list of lists, however deep (it was a 500 in class-transformer for `tags`).
      for (const tags of [
        [[{ id: tenant.organizationId }]],
        JSON.parse(`${'['.repeat(21)}${']'.repeat(21)}`) as unknown,
      ]) {
        expectProblem(
          await t.http
            .post('/api/crm/customers')
            .set(admin)
            .send({ name: `Listed ${unique()}`, tags }),
          400,
          'VALIDATION_FAILED',
          ['tags'],
        );
      }
    });

    it('answers 400 for a JSON body that is null, an array or a scalar, and changes nothing', async () => {
      const admin = bearer(tenant.admin);
      const tag = await t.http
        .post('/api/tags')
        .set(admin)
        .send({ name: `Tag ${unique()}` })
        .expect(201);
      const [{ version: before }] = await t.db.query(`SELECT version FROM tag WHERE id = $1`, [tag.body.id]);
      for (const text of ['null', '[]', '[{"name":"x"}]', '"text"', '42', 'true']) {
        const response = await t.http
          .patch(`/api/tags/${tag.body.id as string}`)
          .set(admin)
          .set('content-type', 'application/json')
          .send(text);
        expectProblem(response, 400, 'VALIDATION_FAILED', ['body']);
      }
      expectProblem(
        await t.http.post('/api/auth/login').set('content-type', 'application/json').send('null'),
        400,
        'VALIDATION_FAILED',
        ['body'],
      );
      const [{ version: after }] = await t.db.query(`SELECT version FROM tag WHERE id = $1`, [tag.body.id]);
      expect(after).toBe(before);
    });

    it('refuses body and query keys named like Object.prototype members (constructor, toString…)', async () => {
      const admin = bearer(tenant.admin);
      for (const key of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype']) {
        const response = await t.http
          .post('/api/tags')
          .set(admin)
          .set('content-type', 'application/json')
          .send(`{"name":"Tag ${unique()}","${key}":1}`);
        expectProblem(response, 400, 'VALIDATION_FAILED', [key]);
        const nested = await t.http
          .post('/api/organizations')
          .set(admin)
          .set('content-type', 'application/json')
          .send(`{"name":"Keyed ${unique()}","settings":{"${key}":{"crmEnabled":false}}}`);
        expectProblem(nested, 400, 'VALIDATION_FAILED', [`settings.${key}`]);
        expectProblem(await t.http.get(`/api/tags?${key}=1`).set(admin), 400, 'VALIDATION_FAILED', [key]);
      }
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM organization WHERE name LIKE 'Keyed %'`);
      expect(n).toBe(0);
    });

    it('answers 400 for a NUL in the search text or in a cursor', async () => {
      const admin = bearer(tenant.admin);
      for (let index = 0; index < 2; index += 1) {
        await t.http
          .post('/api/crm/contacts')
          .set(admin)
          .send({ firstName: `Paged ${unique()}` })
          .expect(201);
      }
      expectProblem(await t.http.get('/api/crm/search?q=%00').set(admin), 400, 'VALIDATION_FAILED', ['q']);
      expectProblem(await t.http.get('/api/crm/search?q=jane%00doe').set(admin), 400, 'VALIDATION_FAILED', ['q']);
      const page = await t.http.get('/api/crm/contacts?limit=1').set(admin).expect(200);
      const cursor = page.body.nextCursor as string;
      expect(typeof cursor).toBe('string');
      await t.http.get(`/api/crm/contacts?limit=1&cursor=${cursor}`).set(admin).expect(200);
      const [sort, value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [
        string,
        string,
        string,
      ];
      const forged = Buffer.from(JSON.stringify([sort, `${value}\u0000`, id])).toString('base64url');
      for (const bad of [`${cursor}%00`, `%00${cursor}`, `${cursor}!`, forged]) {
        expectProblem(
          await t.http.get(`/api/crm/contacts?limit=1&cursor=${bad}`).set(admin),
          400,
          'VALIDATION_FAILED',
          ['cursor'],
        );
      }
    });

    it('answers headers too large (431) as problem+json, over a real socket', async () => {
      await t.app.listen(0, '127.0.0.1');
      try {
        const { port } = t.app.getHttpServer().address() as AddressInfo;
        const response = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
          const request = httpRequest(
            { host: '127.0.0.1', port, path: '/api/health', headers: { 'x-big': 'a'.repeat(64 * 1024) } },
            (answer) => {
              let body = '';
              answer.setEncoding('utf8');
              answer.on('data', (chunk: string) => (body += chunk));
              answer.on('end', () =>
                resolve({ status: answer.statusCode ?? 0, type: String(answer.headers['content-type']), body }),
              );
            },
          );
          request.on('error', reject);
          request.end();
        });
        expect(response.status).toBe(431);
        expect(response.type).toMatch(/^application\/problem\+json/);
        expect(JSON.parse(response.body)).toMatchObject({ status: 431, code: 'HEADERS_TOO_LARGE' });
      } finally {
        await new Promise((resolve) => t.app.getHttpServer().close(resolve));
      }
    });
  });
});
