import fc from 'fast-check';
import type { OpenAPIObject } from '@nestjs/swagger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONTACT_STATUSES } from '@clientele/core';
import {
  bearer,
  createTestApp,
  EXCLUSIVE_FIELDS,
  type FuzzContext,
  type FuzzRequest,
  idsNamedBy,
  invalidRequests,
  login,
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
 * Every operation of the OpenAPI document, fuzzed from its schema: invalid requests (one
 * mutation away from a valid one) and valid ones. No 5xx; every 4xx is the documented problem
 * shape; a mutation no correct API accepts is refused with a 4xx; and a valid request is never
 * refused with a 400 naming a field it sent. New routes are covered as they enter the document.
 *
 * FUZZ_SEED (default 19) replays a run; FUZZ_RUNS (default 1) scales the request counts.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 19);
const SCALE = Number(process.env.FUZZ_RUNS ?? 1);
const INVALID_PER_OPERATION = Math.round(200 * SCALE);
const VALID_PER_OPERATION = Math.round(50 * SCALE);
/** Requests in flight at once: the pool has five connections and the machine two cores. */
const CONCURRENCY = 4;

interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly body: unknown;
}

interface Failure {
  readonly operation: string;
  readonly rule: string;
  readonly request: FuzzRequest;
  readonly answer: Answer;
}

interface Tally {
  valid: number;
  invalid: number;
  byStatus: Map<number, number>;
}

/** Pairs the schema cannot say are either-or: the second is dropped from a valid request. */
const PROBLEM_KEYS = ['type', 'title', 'status', 'detail', 'code'] as const;

/** The documented Problem shape, or why not. */
function problemShapeError(answer: Answer): string | undefined {
  if (!answer.contentType.startsWith('application/problem+json')) return `content-type ${answer.contentType}`;
  const body = answer.body as Record<string, unknown> | null;
  if (body === null || typeof body !== 'object') return 'body is not an object';
  for (const key of PROBLEM_KEYS) if (body[key] === undefined) return `no ${key}`;
  if (body.status !== answer.status) return `status ${String(body.status)} ≠ ${answer.status}`;
  if (typeof body.code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(body.code)) return 'code is not a stable code';
  if (typeof body.type !== 'string' || !body.type.startsWith('https://')) return 'type is not a URL';
  if (body.errors !== undefined) {
    if (!Array.isArray(body.errors)) return 'errors is not a list';
    for (const error of body.errors as unknown[]) {
      const fieldError = error as { field?: unknown; message?: unknown };
      if (typeof fieldError.field !== 'string' || typeof fieldError.message !== 'string')
        return 'an error without field and message';
    }
  }
  return undefined;
}

describe('OpenAPI-driven fuzz', () => {
  let t: TestApp;
  let document: OpenAPIObject;
  let tenant: TenantFixture;
  let branchId: string;
  /** Signs in for `/api/auth/*`, whose valid requests may log it out. */
  let self: Session;
  const ids = new Map<string, string[]>();

  async function send(request: FuzzRequest, token?: string): Promise<Answer> {
    const response = await t.app.inject({
      method: request.method,
      url: request.url,
      headers: token === undefined ? request.headers : { ...request.headers, ...bearer(token) },
      payload: request.payload,
    });
    let body: unknown = response.body;
    try {
      body = response.body === '' ? undefined : JSON.parse(response.body);
    } catch {
      // Not JSON (a CSV export): keep the text.
    }
    return { status: response.statusCode, contentType: String(response.headers['content-type'] ?? ''), body };
  }

  /** The ids of the items each list operation answers, by its path with the world's ids filled in. */
  async function harvest(operations: readonly OperationSpec[]): Promise<void> {
    for (const operation of operations) {
      if (operation.method !== 'GET' || operation.path.endsWith('}')) continue;
      const parents = [...operation.path.matchAll(/\{([^}]+)\}/g)];
      if (parents.length > 1) continue;
      const fills =
        parents.length === 0 ? [''] : (ids.get(operation.path.slice(0, parents[0]?.index).replace(/\/$/, '')) ?? []);
      for (const fill of fills) {
        const url = operation.path.replace(/\{[^}]+\}/, fill);
        const answer = await send(
          { method: 'GET', url: `${url}?limit=100`, headers: {}, sent: [] },
          tenant.admin.token,
        );
        const items = (answer.body as { items?: Array<Record<string, unknown>> } | undefined)?.items;
        if (answer.status !== 200 || !Array.isArray(items)) continue;
        const key = operation.path.replace(/\{[^}]+\}/, '{}');
        const found = items.map((item) => item.userId ?? item.id).filter((id): id is string => typeof id === 'string');
        ids.set(key, [...new Set([...(ids.get(key) ?? []), ...found])]);
      }
    }
  }

  /** Ids for a uuid named `name` in a request to `path`: of the list the name points at. */
  function idsFor(operation: OperationSpec): FuzzContext {
    const pathIds = (name: string): string[] => {
      const at = operation.path.indexOf(`{${name}}`);
      const list = operation.path
        .slice(0, at)
        .replace(/\/$/, '')
        .replace(/\{[^}]+\}/g, '{}');
      return ids.get(list) ?? idsNamedBy(ids, name);
    };
    const uuidOf = (list: string[]): fc.Arbitrary<string> =>
      list.length === 0
        ? fc.uuid()
        : fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...list) }, { weight: 1, arbitrary: fc.uuid() });
    const domain: Record<string, fc.Arbitrary<unknown>> = {
      // What the validators know that the schema does not say.
      color: fc.stringMatching(/^#[0-9A-F]{6}$/),
      defaultCurrency: fc.constantFrom('EUR', 'USD', 'GBP', 'JPY', 'CHF'),
      status: fc.constantFrom(...DEFAULT_CONTACT_STATUSES),
      contactStatuses: fc.constant([...DEFAULT_CONTACT_STATUSES]),
      // Keeps the CRM on and the fuzzing user in charge for the operations after this one.
      crmEnabled: fc.constant(true),
      role: fc.constantFrom('GUEST', 'VIEWER', 'AGENT', 'MANAGER'),
      password: fc.stringMatching(/^[a-z]{6}-[a-z]{6}-[0-9]{4}$/),
      newPassword: fc.stringMatching(/^[a-z]{6}-[a-z]{6}-[0-9]{4}$/),
      budget: fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom('0', '12.5', '100000.1234')),
      primaryDomain: fc.stringMatching(/^[a-z]{1,12}\.(com|test|io)$/),
      primaryPhone: fc.stringMatching(/^\+[1-9][0-9]{6,12}$/),
      phone: fc.stringMatching(/^\+[1-9][0-9]{6,12}$/),
      // A contact cannot end up nameless: firstName null is valid only beside a lastName or a name.
      firstName: fc.stringMatching(/^[A-Z][a-z]{1,11}$/),
      ...(operation.path.startsWith('/api/audit')
        ? {
            // An audit window: from in the past, to in the future.
            from: fc
              .date({ min: new Date('2020-01-01'), max: new Date('2025-01-01'), noInvalidDate: true })
              .map((date) => date.toISOString()),
          }
        : {}),
      organizationId: fc.constant(tenant.organizationId),
      organizationIds: fc.constant([tenant.organizationId]),
      // One field: `order[name]=ASC`.
      order: fc.constantFrom({ name: 'ASC' }, { createdAt: 'DESC' }, { updatedAt: 'ASC' }),
      // The change feed answers at once instead of holding a long poll (up to 25 s).
      wait: fc.constant(0),
    };
    for (const parameter of operation.parameters) {
      if (parameter.in === 'path') domain[parameter.name] = uuidOf(pathIds(parameter.name));
    }
    return {
      idsFor: (name) =>
        operation.parameters.some((parameter) => parameter.name === name && parameter.in === 'path')
          ? []
          : idsNamedBy(ids, name),
      domain,
      // Its valid values come from the API: a cursor is a `nextCursor`, the sortable fields differ per list.
      omit: ['cursor', 'sort'],
      exclusive: EXCLUSIVE_FIELDS,
    };
  }

  beforeAll(async () => {
    t = await createTestApp();
    document = await openApiDocument(t.app);
    tenant = await signupTenant(t.http);
    const branch = await t.http
      .post('/api/organizations')
      .set(bearer(tenant.admin))
      .send({ name: 'Fuzz branch' })
      .expect(201);
    branchId = (branch.body as { id: string }).id;
    await memberWithRole(t.http, tenant, 'AGENT');
    self = await memberWithRole(t.http, tenant, 'MANAGER');
    // Records of every kind: valid creates of each top-level collection, then their ids.
    const operations = operationsOf(document);
    await harvest(operations);
    for (const operation of operations) {
      if (operation.method !== 'POST' || operation.path.includes('{') || operation.path.startsWith('/api/auth/'))
        continue;
      const requests = fc.sample(
        validRequests(operation, idsFor(operation), { 'x-organization-id': tenant.organizationId }),
        {
          seed: SEED,
          numRuns: 20,
        },
      );
      let created = 0;
      for (const request of requests) {
        if ((await send(request, tenant.admin.token)).status === 201) created += 1;
        if (created === 3) break;
      }
    }
    await harvest(operations);
  }, 180_000);

  afterAll(async () => {
    await t.close();
  });

  it(`answers ${INVALID_PER_OPERATION} invalid and ${VALID_PER_OPERATION} valid requests per operation without a 5xx, in problem+json, refusing only what is wrong`, async () => {
    const started = Date.now();
    const operations = operationsOf(document).sort((a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path));
    expect(operations.length).toBeGreaterThanOrEqual(50);
    const failures: Failure[] = [];
    const timings: Array<[string, number]> = [];
    const tally: Tally = { valid: 0, invalid: 0, byStatus: new Map() };
    for (const [index, operation] of operations.entries()) {
      const name = `${operation.method} ${operation.path}`;
      const context = idsFor(operation);
      const headers = { 'x-organization-id': tenant.organizationId };
      const token = !operation.secured
        ? undefined
        : operation.path.startsWith('/api/auth/')
          ? self.token
          : tenant.admin.token;
      const invalid = fc.sample(invalidRequests(operation, context, headers), {
        seed: SEED + index,
        numRuns: INVALID_PER_OPERATION,
      });
      const valid = fc.sample(validRequests(operation, context, headers), {
        seed: SEED + 1000 + index,
        numRuns: VALID_PER_OPERATION,
      });
      const requests = [...invalid, ...valid];
      const operationStarted = Date.now();
      for (let at = 0; at < requests.length; at += CONCURRENCY) {
        const batch = requests.slice(at, at + CONCURRENCY);
        const answers = await Promise.all(batch.map((request) => send(request, token)));
        batch.forEach((request, position) => {
          const answer = answers[position];
          tally.byStatus.set(answer.status, (tally.byStatus.get(answer.status) ?? 0) + 1);
          if (request.mutation === undefined) tally.valid += 1;
          else tally.invalid += 1;
          const fail = (rule: string): void => void failures.push({ operation: name, rule, request, answer });
          if (answer.status >= 500) fail('no 5xx');
          if (answer.status >= 400) {
            const shape = problemShapeError(answer);
            if (shape !== undefined) fail(`4xx is problem+json: ${shape}`);
          }
          if (request.mutation?.mustRefuse === true && answer.status < 400) fail(`refuses ${request.mutation.kind}`);
          // Schema-level refusals only: a wrong current password (400 INVALID_PASSWORD) is not a valid request.
          if (request.mutation === undefined && answer.status === 400 && isValidationFailure(answer)) {
            const fields = ((answer.body as { errors?: Array<{ field: string }> }).errors ?? []).map(
              (error) => error.field,
            );
            const named = fields.filter((field) => request.sent.includes(field) || fields.length === 0);
            if (named.length > 0 || fields.length === 0)
              fail(`valid input refused (${(answer.body as { code?: string }).code ?? '?'}: ${fields.join(', ')})`);
          }
        });
      }
      timings.push([name, Date.now() - operationStarted]);
      // Put the fuzzing session back if an operation signed it out.
      if (operation.path.startsWith('/api/auth/')) self = await login(t.http, self.email).catch(() => self);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const statuses = [...tally.byStatus.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
    console.info(
      `fuzz: ${operations.length} operations, ${tally.invalid} invalid + ${tally.valid} valid requests in ${seconds} s (seed ${SEED}); ${statuses.join(' ')}`,
    );
    if (process.env.FUZZ_TIMINGS !== undefined)
      console.info(
        timings
          .sort(([, a], [, b]) => b - a)
          .slice(0, 15)
          .map(([op, ms]) => `${op} ${ms} ms`)
          .join('\n'),
      );
    // One example of each (operation, rule), the most frequent first.
    const groups = new Map<string, { count: number; example: Failure }>();
    for (const failure of failures) {
      const key = `${failure.operation} | ${failure.rule} | ${failure.request.mutation?.target ?? 'valid'}`;
      const group = groups.get(key);
      if (group === undefined) groups.set(key, { count: 1, example: failure });
      else group.count += 1;
    }
    const report = [...groups.entries()].slice(0, 40).map(([key, { count, example: failure }]) => ({
      key: `${key} ×${count}`,
      operation: failure.operation,
      rule: failure.rule,
      mutation: failure.request.mutation,
      url: failure.request.url.slice(0, 300),
      payload: failure.request.payload?.slice(0, 300),
      status: failure.answer.status,
      body: JSON.stringify(failure.answer.body)?.slice(0, 400),
    }));
    expect(report, `${failures.length} failures`).toEqual([]);
    expect(tally.invalid).toBeGreaterThanOrEqual(operations.length * INVALID_PER_OPERATION);
    expect(tally.valid).toBeGreaterThanOrEqual(operations.length * VALID_PER_OPERATION);
    expect(branchId).toBeDefined();
  }, 600_000);
});

function isValidationFailure(answer: Answer): boolean {
  return (answer.body as { code?: unknown } | undefined)?.code === 'VALIDATION_FAILED';
}

/** Reads first, then writes, deletes and signing out last: each leaves the world for the next. */
function rank(operation: OperationSpec): number {
  if (operation.path.endsWith('/logout')) return 5;
  if (operation.method === 'DELETE') return 4;
  return operation.method === 'GET' ? 0 : operation.method === 'POST' ? 1 : 2;
}
