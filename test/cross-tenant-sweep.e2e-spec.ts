import fc from 'fast-check';
import type { OpenAPIObject } from '@nestjs/swagger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONTACT_STATUSES } from '@clientele/core';
import {
  bearer,
  createTestApp,
  effectiveType,
  EXCLUSIVE_FIELDS,
  type FuzzContext,
  idsNamedBy,
  type JsonSchema,
  memberWithRole,
  openApiDocument,
  type OperationSpec,
  operationsOf,
  type Session,
  signupTenant,
  type TenantFixture,
  type TestApp,
  validRequests,
} from '@clientele/testing';

/**
 * Every id-bearing place of every operation in the OpenAPI document (path ids, ids in bodies,
 * in filters, in `X-Organization-Id`, search text) × the ids of another tenant's records and of
 * an organization of the same tenant the attacker is not a member of. Each attempt is refused
 * (404, or 400/403 where a body names the record) and answers nothing of the victim's; the
 * whole database is the same before and after.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 19);

interface Answer {
  readonly status: number;
  readonly text: string;
}

interface Attempt {
  readonly where: string;
  readonly method: OperationSpec['method'];
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly payload?: string;
  /** The victim's ids this attempt sends; the answer may echo them, never another one. */
  readonly sent: readonly string[];
  /** Statuses that refuse it. */
  readonly refusals: readonly number[];
  /** A list or search may answer 200 if it shows none of the victim's records. */
  readonly mayList: boolean;
}

/** Collections of the tenant, not of one organization. */
const TENANT_WIDE = ['/members', '/api/roles'];

const BUILT_IN_ROLE_ID_PREFIX = '00000000-0000-4000-8000-';

/** Tables whose rows the attempts may touch without it being the victim's data. */
const CHANGES_ALLOWED = new Set(['migration']);

describe('cross-tenant and cross-organization sweep', () => {
  let t: TestApp;
  let document: OpenAPIObject;
  let operations: OperationSpec[];
  /** The attacker: ADMIN of acme's first organization only. */
  let attacker: TenantFixture;
  let globex: TenantFixture;
  /** An ADMIN of acme who made `hiddenId`, where the attacker is not a member. */
  let hiddenAdmin: Session;
  let hiddenId: string;
  /** Ids by collection path (`/api/tags`, `/api/organizations/{}/members`), per owner. */
  const own = new Map<string, string[]>();
  const victims = new Map<string, string[]>();

  async function send(
    method: OperationSpec['method'],
    url: string,
    headers: Record<string, string>,
    token: string,
    payload?: string,
  ): Promise<Answer> {
    const response = await t.app.inject({
      method,
      url,
      headers: {
        ...headers,
        ...bearer(token),
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      },
      payload,
    });
    return { status: response.statusCode, text: response.body };
  }

  function contextFor(ids: Map<string, string[]>, organizationId: string): FuzzContext {
    return {
      idsFor: (name) => idsNamedBy(ids, name),
      domain: {
        color: fc.constant('#1F6FEB'),
        defaultCurrency: fc.constant('EUR'),
        status: fc.constantFrom(...DEFAULT_CONTACT_STATUSES),
        contactStatuses: fc.constant([...DEFAULT_CONTACT_STATUSES]),
        crmEnabled: fc.constant(true),
        role: fc.constant('AGENT'),
        password: fc.constant('correct horse battery staple'),
        budget: fc.constant('10'),
        primaryDomain: fc.stringMatching(/^[a-z]{3,10}\.test$/),
        primaryPhone: fc.constant('+4420794600'),
        phone: fc.constant('+4420794600'),
        organizationId: fc.constant(organizationId),
        organizationIds: fc.constant([organizationId]),
        order: fc.constant({ name: 'ASC' }),
        // The change feed answers at once instead of holding a long poll.
        wait: fc.constant(0),
      },
      omit: ['cursor', 'sort'],
      exclusive: EXCLUSIVE_FIELDS,
    };
  }

  /** Valid creates of each collection until it holds records, then every list's ids. */
  async function seed(session: Session, organizationId: string, into: Map<string, string[]>): Promise<void> {
    const headers = { 'x-organization-id': organizationId };
    await harvest(session, organizationId, into);
    for (const operation of operations) {
      if (operation.method !== 'POST' || operation.path.includes('{') || operation.path.startsWith('/api/auth/'))
        continue;
      if (operation.path === '/api/organizations') continue;
      const requests = fc.sample(validRequests(operation, contextFor(into, organizationId), headers), {
        seed: SEED,
        numRuns: 30,
      });
      let created = 0;
      for (const request of requests) {
        const answer = await send('POST', request.url, request.headers, session.token, request.payload);
        if (answer.status === 201) created += 1;
        if (created === 2) break;
      }
      await harvest(session, organizationId, into);
    }
  }

  async function harvest(session: Session, organizationId: string, into: Map<string, string[]>): Promise<void> {
    for (const operation of operations) {
      if (operation.method !== 'GET' || operation.path.endsWith('}')) continue;
      const params = [...operation.path.matchAll(/\{[^}]+\}/g)];
      if (params.length > 1) continue;
      const parent = params.length === 0 ? undefined : operation.path.slice(0, params[0]?.index).replace(/\/$/, '');
      const fills =
        parent === undefined ? [''] : parent === '/api/organizations' ? [organizationId] : (into.get(parent) ?? []);
      for (const fill of fills) {
        const url = `${operation.path.replace(/\{[^}]+\}/, fill)}?limit=100`;
        const answer = await send('GET', url, { 'x-organization-id': organizationId }, session.token);
        if (answer.status !== 200) continue;
        const items = (JSON.parse(answer.text) as { items?: Array<Record<string, unknown>> }).items;
        if (!Array.isArray(items)) continue;
        const key = operation.path.replace(/\{[^}]+\}/, '{}');
        const found = items.map((item) => item.userId ?? item.id).filter((id): id is string => typeof id === 'string');
        into.set(key, [...new Set([...(into.get(key) ?? []), ...found])]);
      }
    }
  }

  /** Row count and content hash of every table: what "nothing changed" means. */
  async function snapshot(): Promise<Record<string, string>> {
    const tables: Array<{ name: string }> = await t.db.query(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const result: Record<string, string> = {};
    for (const { name } of tables) {
      if (CHANGES_ALLOWED.has(name)) continue;
      const rows: Array<{ n: number; h: string }> = await t.db.query(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(md5(r::text), '' ORDER BY md5(r::text)), '')) AS h FROM "${name}" r`,
      );
      const [row] = rows;
      result[name] = `${row?.n ?? 0}:${row?.h ?? ''}`;
    }
    return result;
  }

  beforeAll(async () => {
    t = await createTestApp();
    document = await openApiDocument(t.app);
    operations = operationsOf(document);
    attacker = await signupTenant(t.http);
    globex = await signupTenant(t.http);
    hiddenAdmin = await memberWithRole(t.http, attacker, 'ADMIN');
    const hidden = await t.http
      .post('/api/organizations')
      .set(bearer(hiddenAdmin))
      .send({ name: 'Hidden branch' })
      .expect(201);
    hiddenId = (hidden.body as { id: string }).id;
    await memberWithRole(t.http, attacker, 'AGENT');
    await memberWithRole(t.http, globex, 'AGENT');
    await memberWithRole(t.http, attacker, 'AGENT', hiddenId).catch(async () => {
      // Only the hidden organization's own ADMIN may add to it.
      const email = `hidden-agent-${Date.now()}@example.test`;
      await t.http
        .post(`/api/organizations/${hiddenId}/members`)
        .set(bearer(hiddenAdmin))
        .send({ email, password: 'correct horse battery staple', firstName: 'Hid', lastName: 'Den', role: 'AGENT' })
        .expect(201);
    });
    await seed(attacker.admin, attacker.organizationId, own);
    const globexIds = new Map<string, string[]>();
    await seed(globex.admin, globex.organizationId, globexIds);
    const hiddenIds = new Map<string, string[]>();
    await seed(hiddenAdmin, hiddenId, hiddenIds);
    // The hidden admin is also a member of the attacker's organization: keep only what is the hidden one's.
    // Users and roles are the tenant's (an ADMIN may add a user to their organization by id; roles
    // are tenant-wide, see security.md): the hidden organization's records are its own rows.
    for (const [path, list] of hiddenIds) {
      const mine = new Set(own.get(path) ?? []);
      hiddenIds.set(
        path,
        TENANT_WIDE.some((suffix) => path.endsWith(suffix)) ? [] : list.filter((id) => !mine.has(id)),
      );
    }
    for (const source of [globexIds, hiddenIds]) {
      for (const [path, list] of source) victims.set(path, [...(victims.get(path) ?? []), ...list]);
    }
    victims.set('/api/organizations', [globex.organizationId, hiddenId]);
  }, 300_000);

  afterAll(async () => {
    await t.close();
  });

  function victimIds(): string[] {
    // Built-in roles have the same ids in every tenant.
    return [...new Set([...victims.values()].flat())].filter(
      (id) => id !== hiddenAdmin.userId && !id.startsWith(BUILT_IN_ROLE_ID_PREFIX),
    );
  }

  function attempts(): Attempt[] {
    const list: Attempt[] = [];
    const allVictims = victimIds();
    const ownContext = contextFor(own, attacker.organizationId);
    const headers = { 'x-organization-id': attacker.organizationId };
    for (const [index, operation] of operations.entries()) {
      const name = `${operation.method} ${operation.path}`;
      const [valid] = fc.sample(validRequests(operation, ownContext, headers), { seed: SEED + index, numRuns: 1 });
      if (valid === undefined) continue;
      const pathParams = operation.parameters.filter((parameter) => parameter.in === 'path');
      const pathOf = (values: Record<string, string>): string =>
        operation.path.replace(/\{([^}]+)\}/g, (_match, param: string) => values[param] ?? '');
      const ownPathValues: Record<string, string> = {};
      for (const parameter of pathParams) {
        const at = operation.path.indexOf(`{${parameter.name}}`);
        const parent = operation.path
          .slice(0, at)
          .replace(/\/$/, '')
          .replace(/\{[^}]+\}/g, '{}');
        // Never the attacker: a write to their own membership would change what they may try next.
        const candidates = (own.get(parent) ?? []).filter((id) => id !== attacker.admin.userId);
        ownPathValues[parameter.name] =
          parent === '/api/organizations' ? attacker.organizationId : (candidates[0] ?? attacker.admin.userId);
      }
      const query = valid.url.includes('?') ? valid.url.slice(valid.url.indexOf('?')) : '';
      // 1. Every path id × every victim id.
      for (const parameter of pathParams) {
        for (const id of allVictims) {
          list.push({
            where: `${name} path.${parameter.name}`,
            method: operation.method,
            url: `${pathOf({ ...ownPathValues, [parameter.name]: id })}${query}`,
            headers,
            payload: valid.payload,
            sent: [id],
            // Pipes run before the handler looks the record up: a body it refuses is a 400 first.
            refusals: valid.payload === undefined ? [404] : [400, 404],
            mayList: false,
          });
        }
      }
      // 2. X-Organization-Id naming the other tenant's and the hidden organization.
      // (Public operations act in no organization: signup and login make rows of their own.)
      for (const organizationId of operation.secured ? [globex.organizationId, hiddenId] : []) {
        list.push({
          where: `${name} header.X-Organization-Id`,
          method: operation.method,
          url: `${pathOf(ownPathValues)}${query}`,
          headers: { 'x-organization-id': organizationId },
          payload: valid.payload,
          sent: [organizationId],
          refusals: [404],
          mayList: false,
        });
      }
      // 3. Every uuid in the query (filters) × victim ids.
      for (const parameter of operation.parameters.filter((item) => item.in === 'query')) {
        for (const [field] of uuidFields(parameter.schema, parameter.name)) {
          for (const id of allVictims) {
            list.push({
              where: `${name} query.${field}`,
              method: operation.method,
              url: `${pathOf(ownPathValues)}?${field.replace(/\.([^.]+)/g, '[$1]')}=${id}`,
              headers,
              sent: [id],
              refusals: [400, 404],
              mayList: !field.startsWith('organizationId') && !field.endsWith('organizationId'),
            });
          }
        }
      }
      // 4. Every uuid in the body × victim ids, one field at a time.
      if (operation.body !== undefined && valid.payload !== undefined && operation.method !== 'GET') {
        const base = JSON.parse(valid.payload) as Record<string, unknown>;
        for (const [field, schema] of uuidFields(operation.body, '')) {
          for (const id of allVictims) {
            list.push({
              where: `${name} body.${field}`,
              method: operation.method,
              url: `${pathOf(ownPathValues)}${query}`,
              headers,
              payload: JSON.stringify(withId(base, field, schema, id)),
              sent: [id],
              refusals: [400, 403, 404],
              mayList: false,
            });
          }
        }
      }
    }
    return list;
  }

  it('refuses every id of another tenant and of a non-member organization, anywhere in a request, and changes nothing', async () => {
    const started = Date.now();
    const victimSet = new Set(victimIds());
    expect(victims.size).toBeGreaterThanOrEqual(8);
    const before = await snapshot();
    const planned = attempts();
    // Search: the text of the victims' records finds none of them.
    for (const id of [...victimSet].slice(0, 40)) {
      planned.push({
        where: 'GET /api/crm/search q',
        method: 'GET',
        url: `/api/crm/search?q=${id.slice(0, 8)}`,
        headers: {},
        sent: [],
        refusals: [400],
        mayList: true,
      });
    }
    const failures: Array<{ where: string; url: string; status: number; why: string; body: string }> = [];
    const byStatus = new Map<number, number>();
    const places = new Set<string>();
    for (const attempt of planned) {
      const answer = await send(attempt.method, attempt.url, attempt.headers, attacker.admin.token, attempt.payload);
      byStatus.set(answer.status, (byStatus.get(answer.status) ?? 0) + 1);
      places.add(attempt.where);
      const leaked = [...victimSet].filter((id) => !attempt.sent.includes(id) && answer.text.includes(id));
      const refused = attempt.refusals.includes(answer.status);
      const listed = attempt.mayList && answer.status === 200;
      let why: string | undefined;
      if (leaked.length > 0) why = `answers the victim's ${leaked.join(', ')}`;
      else if (!refused && !listed) why = `status ${answer.status}, expected ${attempt.refusals.join('/')}`;
      else if (listed && attempt.sent.some((id) => answer.text.includes(`"id":"${id}"`)))
        why = 'lists the victim record';
      if (why !== undefined)
        failures.push({
          where: attempt.where,
          url: attempt.url.slice(0, 200),
          status: answer.status,
          why,
          body: answer.text.slice(0, 300),
        });
    }
    const after = await snapshot();
    const changed = Object.keys(before).filter((table) => before[table] !== after[table]);
    console.info(
      `sweep: ${planned.length} attempts over ${places.size} places, ${victimSet.size} victim ids, in ${((Date.now() - started) / 1000).toFixed(1)} s; ${[
        ...byStatus.entries(),
      ]
        .sort(([a], [b]) => a - b)
        .map(([status, n]) => `${status}×${n}`)
        .join(' ')}`,
    );
    const grouped = new Map<string, (typeof failures)[number] & { count: number }>();
    for (const failure of failures) {
      const key = `${failure.where} | ${failure.why.replace(/[0-9a-f-]{36}/g, '…')}`;
      const group = grouped.get(key);
      if (group === undefined) grouped.set(key, { ...failure, count: 1 });
      else group.count += 1;
    }
    expect([...grouped.values()].slice(0, 30), `${failures.length} failures`).toEqual([]);
    expect(changed).toEqual([]);
    expect(planned.length).toBeGreaterThanOrEqual(1_500);
  }, 600_000);
});

/** Dotted paths of the uuid fields of a schema (`organizationId`, `tags.id`, `where.customerId`). */
function uuidFields(schema: JsonSchema, prefix: string): Array<[string, JsonSchema]> {
  const type = effectiveType(schema);
  if (type === 'string' && schema.format === 'uuid') return [[prefix, schema]];
  if (type === 'array' && schema.items !== undefined) return uuidFields(schema.items, prefix);
  if (type === 'object' && schema.properties !== undefined) {
    return Object.entries(schema.properties).flatMap(([key, value]) =>
      uuidFields(value, prefix === '' ? key : `${prefix}.${key}`),
    );
  }
  return [];
}

/** The body with the uuid field at `path` set to `id` (inside a list of `{ id }` or of ids when it is one). */
function withId(body: Record<string, unknown>, path: string, schema: JsonSchema, id: string): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return body;
  const copy: Record<string, unknown> = { ...body };
  const current = copy[head];
  if (rest.length === 0) {
    copy[head] = Array.isArray(current) || schema.type === 'array' ? [id] : id;
    return copy;
  }
  const isList = Array.isArray(current) || current === undefined || current === null;
  const inner = withId(isList ? {} : (current as Record<string, unknown>), rest.join('.'), schema, id);
  copy[head] =
    isList && !(typeof current === 'object' && current !== null && !Array.isArray(current)) ? [inner] : inner;
  return copy;
}
