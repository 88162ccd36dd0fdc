import type { OpenAPIObject } from '@nestjs/swagger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, login, openApiDocument, type Session, type TestApp } from '@clientele/testing';
import { type DemoLogin, seedDemoTenant } from '../apps/api/src/demo/demo-seeder';

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: Array<{ field: string; message: string }>;
}
interface MediaType {
  schema?: { type?: string; description?: string; $ref?: string };
  example?: unknown;
  examples?: Record<string, { summary?: string; value: unknown }>;
}
interface Operation {
  tags?: string[];
  summary?: string;
  parameters?: Array<{ name: string; in: string; example?: unknown; examples?: unknown }>;
  requestBody?: { content: Record<string, MediaType> };
  responses: Record<string, { description?: string; content?: Record<string, MediaType> }>;
}
interface Schema {
  required?: string[];
  properties?: Record<string, unknown>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const PROBLEM = 'application/problem+json';

/** The fields of a problem the documented example and the real answer must share. */
function shape(problem: ProblemBody): Omit<ProblemBody, 'errors'> {
  return {
    type: problem.type,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    code: problem.code,
  };
}

describe('the OpenAPI document', () => {
  let t: TestApp;
  let document: OpenAPIObject;
  let demo: DemoLogin;
  let admin: Session;
  let agent: Session;

  function operations(): Array<{ route: string; operation: Operation }> {
    return Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.flatMap((method) => {
        const operation = (item as Partial<Record<(typeof METHODS)[number], Operation>>)[method];
        return operation === undefined ? [] : [{ route: `${method.toUpperCase()} ${path}`, operation }];
      }),
    );
  }
  function operation(method: (typeof METHODS)[number], path: string): Operation {
    const found = (document.paths[path] as Partial<Record<(typeof METHODS)[number], Operation>> | undefined)?.[method];
    if (found === undefined) throw new Error(`no ${method} ${path} in the document`);
    return found;
  }
  function problemExample(method: (typeof METHODS)[number], path: string, status: number, code: string): ProblemBody {
    const examples = operation(method, path).responses[String(status)]?.content?.[PROBLEM]?.examples ?? {};
    const example = examples[code]?.value as ProblemBody | undefined;
    if (example === undefined) throw new Error(`${method} ${path} documents no ${status} ${code}`);
    return example;
  }
  function schema(name: string): Schema {
    return document.components?.schemas?.[name] as Schema;
  }

  beforeAll(async () => {
    t = await createTestApp();
    document = await openApiDocument(t.app);
    const seeded = await seedDemoTenant(t.app);
    if (seeded === null) throw new Error('the demo tenant was not seeded');
    demo = seeded;
    admin = await login(t.http, demo.email, demo.password);
    agent = await login(t.http, 'agent@demo.clientele.dev', demo.password);
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives every operation a summary and every error status its own examples, of that status', () => {
    const failures: string[] = [];
    for (const { route, operation: op } of operations()) {
      if (op.summary === undefined || op.summary === '') failures.push(`${route}: no summary`);
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        const examples = Object.entries(response.content?.[PROBLEM]?.examples ?? {});
        if (examples.length === 0) failures.push(`${route} ${status}: no example`);
        for (const [name, example] of examples) {
          const value = example.value as ProblemBody;
          const expected = `https://clientele.dev/problems/${value.code.toLowerCase().replace(/_/g, '-')}`;
          if (value.status !== Number(status) || value.code !== name || value.type !== expected || value.title === '')
            failures.push(`${route} ${status}: example ${name} is a ${value.status} ${value.code}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('documents the error bodies the server really answers', async () => {
    const bogus = await t.http.get('/api/crm/contacts').set(bearer('not-a-token'));
    expect(bogus.status).toBe(401);
    expect(shape(bogus.body as ProblemBody)).toEqual(
      shape(problemExample('get', '/api/crm/contacts', 401, 'INVALID_TOKEN')),
    );
    const anonymous = await t.http.get('/api/crm/contacts');
    expect(shape(anonymous.body as ProblemBody)).toEqual(
      shape(problemExample('get', '/api/crm/contacts', 401, 'UNAUTHORIZED')),
    );

    const forbidden = await t.http.post('/api/crm/contacts').set(bearer(agent)).send({ firstName: 'Nope' });
    expect(forbidden.status).toBe(403);
    expect(shape(forbidden.body as ProblemBody)).toEqual(
      shape(problemExample('post', '/api/crm/contacts', 403, 'FORBIDDEN')),
    );

    const missingId = '7d7c6f0e-2b1a-4c3d-8e9f-0a1b2c3d4e5f';
    const missing = await t.http.get(`/api/crm/contacts/${missingId}`).set(bearer(admin));
    expect(missing.status).toBe(404);
    const notFound = problemExample('get', '/api/crm/contacts/{id}', 404, 'CONTACT_NOT_FOUND');
    expect(shape(missing.body as ProblemBody)).toEqual({
      ...shape(notFound),
      detail: notFound.detail.replace(/[0-9a-f-]{36}/, missingId),
    });

    const invalid = await t.http.post('/api/crm/contacts').set(bearer(admin)).send({ lastName: 'NoFirst' });
    expect(shape(invalid.body as ProblemBody)).toEqual(
      shape(problemExample('post', '/api/crm/contacts', 400, 'VALIDATION_FAILED')),
    );

    const taken = await t.http.post('/api/crm/contacts').set(bearer(admin)).send({
      firstName: 'Jane',
      email: 'jane.doe@acmecorp.com',
    });
    expect(taken.status).toBe(409);
    const conflict = problemExample('post', '/api/crm/contacts', 409, 'CONTACT_EMAIL_TAKEN');
    expect({ ...shape(taken.body as ProblemBody), detail: undefined }).toEqual({
      ...shape(conflict),
      detail: undefined,
    });

    expect(operation('post', '/api/crm/contacts').responses['403']).toMatchObject({
      description: 'Your role in this organization grants none of: ORG_CONTACT_EDIT.',
    });
    expect(problemExample('get', '/api/crm/contacts', 404, 'CRM_DISABLED')).toMatchObject({ status: 404 });
    expect(operation('get', '/api/auth/me').responses['404']).toBeUndefined();

    const login = operation('post', '/api/auth/login').responses['401']?.content?.[PROBLEM]?.examples ?? {};
    expect(Object.keys(login)).toEqual(['INVALID_CREDENTIALS', 'MFA_REQUIRED', 'INVALID_MFA_CODE']);
    const wrong = await t.http.post('/api/auth/login').send({ email: demo.email, password: 'wrong password!' });
    expect(shape(wrong.body as ProblemBody)).toEqual(
      shape(problemExample('post', '/api/auth/login', 401, 'INVALID_CREDENTIALS')),
    );
  });

  it('requires exactly the fields the server requires', () => {
    expect(schema('CreateCrmContactDto').required).toEqual(['firstName']);
    expect(schema('CreateOrganizationContactDto').required).toEqual(['name']);
    expect(schema('CreateCustomerDto').required).toEqual(['name']);
    expect(schema('UpdateCrmContactDto').required).toBeUndefined();
    expect(schema('UpdateOrganizationContactDto').required).toBeUndefined();
  });

  it('describes every tag the operations use', () => {
    const used = [...new Set(operations().flatMap(({ operation: op }) => op.tags ?? []))].sort();
    const tags = document.tags ?? [];
    expect(tags.map((tag) => tag.name).sort()).toEqual(used);
    expect(tags.filter((tag) => (tag.description ?? '') === '').map((tag) => tag.name)).toEqual([]);
    expect(used).toEqual(expect.arrayContaining(['crm: contacts', 'crm: customers', 'tags', 'roles', 'auth']));
  });

  it('documents CSV and NDJSON exports as text with their columns, matching the real export', async () => {
    for (const path of ['/api/crm/contacts', '/api/crm/customers']) {
      const content = operation('get', path).responses['200']?.content ?? {};
      expect(content['application/json']?.schema).not.toHaveProperty('type', 'string');
      const csv = content['text/csv'];
      const ndjson = content['application/x-ndjson'];
      expect(csv?.schema?.type).toBe('string');
      expect(ndjson?.schema?.type).toBe('string');
      expect(ndjson?.schema?.description).toMatch(/^One JSON object per line/);
      expect(JSON.stringify(csv?.schema)).not.toContain('x-export-columns');
      const documented = String(csv?.example).split('\r\n')[0];
      const exported = await t.http.get(`${path}?format=csv`).set(bearer(admin));
      expect(exported.status).toBe(200);
      expect(exported.text.split('\r\n')[0].replace(/^\ufeff/, '')).toBe(documented);
      expect(csv?.schema?.description).toContain(documented.split(',').join(', '));
    }
  });

  it('pre-fills no list filter: query parameters carry no examples', () => {
    const prefilled = operations().flatMap(({ route, operation: op }) =>
      (op.parameters ?? [])
        .filter(
          (parameter) =>
            parameter.in === 'query' && (parameter.example !== undefined || parameter.examples !== undefined),
        )
        .filter((parameter) => !(route === 'GET /api/crm/search' && parameter.name === 'q'))
        .map((parameter) => `${route} ${parameter.name}`),
    );
    expect(prefilled).toEqual([]);
  });

  it('accepts every documented request body example of the create routes as sent, on the demo tenant', async () => {
    for (const path of ['/api/crm/contacts', '/api/crm/customers', '/api/organization-contact']) {
      const examples = Object.entries(operation('post', path).requestBody?.content['application/json']?.examples ?? {});
      expect(examples.length, path).toBeGreaterThan(0);
      for (const [name, example] of examples) {
        const response = await t.http
          .post(path)
          .set(bearer(admin))
          .send(example.value as object);
        expect(response.status, `${path} ${name}: ${JSON.stringify(response.body)}`).toBe(201);
      }
    }
  });
});

describe('validation messages', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp();
    const seeded = await seedDemoTenant(t.app);
    if (seeded === null) throw new Error('the demo tenant was not seeded');
    admin = await login(t.http, seeded.email, seeded.password);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers a missing required field with one error saying it is required', async () => {
    const contact = await t.http.post('/api/crm/contacts').set(bearer(admin)).send({ lastName: 'NoFirst' });
    expect(contact.status).toBe(400);
    expect(contact.body).toMatchObject({ code: 'VALIDATION_FAILED', detail: 'The request has 1 invalid field.' });
    expect(contact.body.errors).toEqual([{ field: 'firstName', message: 'firstName is required' }]);

    const gauzy = await t.http
      .post('/api/organization-contact')
      .set(bearer(admin))
      .send({ primaryPhone: '+1-555-0100' });
    expect(gauzy.status).toBe(400);
    expect(gauzy.body.errors).toEqual([{ field: 'name', message: 'name is required' }]);

    const customer = await t.http.post('/api/crm/customers').set(bearer(admin)).send({});
    expect(customer.body.errors).toEqual([{ field: 'name', message: 'name is required' }]);
  });

  it('still names the rule a value sent breaks', async () => {
    const wrongType = await t.http.post('/api/crm/contacts').set(bearer(admin)).send({ firstName: 42 });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors).toContainEqual({ field: 'firstName', message: 'firstName must be a string' });
    expect(wrongType.body.errors).not.toContainEqual(expect.objectContaining({ message: 'firstName is required' }));
    const cleared = await t.http.post('/api/crm/contacts').set(bearer(admin)).send({ firstName: 'Ann', kind: null });
    expect(cleared.status).toBe(400);
    expect(cleared.body.errors.map((error: { field: string }) => error.field)).toEqual(['kind']);
  });
});
