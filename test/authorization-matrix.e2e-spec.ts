/**
 * The authorization matrix, generated at test time from the OpenAPI document: every operation
 * × {no token, expired token, GUEST, VIEWER, AGENT, MANAGER, ADMIN, ADMIN of another tenant,
 * API key lacking the grant} → the outcome DESIGN §2 implies, derived from the grants each
 * route declares (`@Public()` / `@RequirePermissions(...)`, read from Nest's metadata).
 *
 * Bodies are empty and ids are real records of the fixture tenant, so a call that passes the
 * guard answers 2xx or a validation 400; a call the guard stops answers 401 or 403; another
 * tenant's ids answer 404. A route that declares no grant fails the matrix, so new modules are
 * covered (and must declare their grants) as soon as they land.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_ROLE_IDS, BUILT_IN_ROLES, type BuiltInRoleName, GrantSet, type Permission } from '@clientele/core';
import {
  aCustomer,
  anInvoice,
  type ApiOperation,
  apiOperations,
  bearer,
  createApiKey,
  createTestApp,
  forgeJwt,
  jwtClaims,
  memberWithRole,
  type Session,
  signupTenant,
  TEST_JWT_SECRET,
  type TenantFixture,
  unique,
} from '@clientele/testing';

type Outcome = 'unauthenticated' | 'forbidden' | 'not-found' | 'invalid' | 'passed' | 'error';

interface MatrixActor {
  readonly name: string;
  /** The Authorization header value, or undefined for no token. */
  readonly credential: (operation: ApiOperation) => string | undefined | null;
  readonly expected: (operation: ApiOperation) => Outcome[];
}

/** 401s the guard gives; a public route's own 401 (e.g. a bad refresh token) is not one of them. */
const GUARD_401_CODES = new Set([
  'UNAUTHORIZED',
  'INVALID_TOKEN',
  'SESSION_REVOKED',
  'INVALID_API_KEY',
  'API_KEY_REVOKED',
  'API_KEY_EXPIRED',
]);
const PASSED: readonly Outcome[] = ['passed', 'invalid'];
const passed = (): Outcome[] => [...PASSED];
const ROLE_ORDER: readonly BuiltInRoleName[] = ['GUEST', 'VIEWER', 'AGENT', 'MANAGER', 'ADMIN'];
/**
 * Bodies tried, in order, to create records for routes that need an id (a 201 wins); a record on
 * a contact (a note) is given one of the contacts seeded before it, a record of a customer (an
 * asset, a contract) one of the customers.
 */
const SEED_BODIES: ReadonlyArray<
  (name: string, contactId: string | undefined, customerId: string | undefined) => Record<string, unknown>
> = [
  (name) => ({ name }),
  (name) => ({ name, grants: [] }),
  (name) => ({ firstName: 'Matrix', lastName: name }),
  (name) => ({ firstName: 'Matrix', lastName: name, email: `${name.toLowerCase()}@example.test` }),
  (name) => ({ title: name }),
  (name) => ({ type: 'TASK', subject: name }),
  (name, contactId) => ({ body: name, contactId }),
  (name) => ({ url: `https://hooks.example.test/${name}` }),
  (name) => ({ body: name }),
  (name, _contactId, customerId) => ({ name, customerId }),
  (name, _contactId, customerId) => ({ name, customerId, startDate: '2026-01-01', endDate: '2026-12-31' }),
];
/** Sub-records an empty POST on a record makes, for routes that need their ids (a webhook's test ping is a delivery). */
const SEED_ACTIONS: readonly string[] = ['/api/webhooks/{id}/test'];
const SEEDS_PER_COLLECTION = 6;

/**
 * Writes that end what later calls need run last: deletes (each consumes a record), then
 * logout (it ends the actors' sessions).
 */
function runOrder(operation: ApiOperation): number {
  if (operation.path.endsWith('/auth/logout')) return 3;
  return operation.method === 'DELETE' ? 2 : 1;
}

function classify(response: { status: number; body: unknown }): Outcome {
  const code = (response.body as { code?: unknown } | undefined)?.code;
  if (response.status === 401 && typeof code === 'string' && GUARD_401_CODES.has(code)) return 'unauthenticated';
  if (response.status === 403) return 'forbidden';
  if (response.status === 404) return 'not-found';
  if (response.status === 400) return 'invalid';
  if (response.status >= 500 || response.status === 429) return 'error';
  return 'passed';
}

function declaredPermissions(operation: ApiOperation): readonly Permission[] {
  return operation.declaration?.permissions ?? [];
}

function hasPathParameters(operation: ApiOperation): boolean {
  return /\{[^}]+\}/.test(operation.path);
}

/** What a member holding `grants` in the fixture organization must get. */
function expectedFor(grants: GrantSet, operation: ApiOperation): Outcome[] {
  if (operation.declaration?.public === true) return passed();
  const required = declaredPermissions(operation);
  if (required.length === 0) return passed();
  if (!grants.hasAny(required)) return ['forbidden'];
  const fully = required.filter((permission) => !permission.endsWith('_EDIT_OWN'));
  // Held only through *_EDIT_OWN, or an author-only route: the guard lets it through, the handler
  // refuses others' records.
  return grants.hasAny(fully) && operation.declaration?.authorOnly !== true ? passed() : [...PASSED, 'forbidden'];
}

// Vitest awaits an async suite factory, so the operations are known when the tests are declared.
describe('authorization matrix', async () => {
  const t = await createTestApp();
  const operations = apiOperations(t.app).sort((a, b) => runOrder(a) - runOrder(b) || a.path.localeCompare(b.path));
  let tenant: TenantFixture;
  let other: TenantFixture;
  const sessions = new Map<BuiltInRoleName, Session>();
  let expiredToken: string;
  const lackingKeys: Array<{ secret: string; grants: GrantSet }> = [];
  /** Records the matrix must not delete or change: its actors, keys and the built-in roles. */
  const protectedIds = new Set<string>(Object.values(BUILT_IN_ROLE_IDS));
  /** Ids picked per collection, until a delete may have consumed one. */
  const resolved = new Map<string, string>();
  /** The organization every actor is a member of: the one organization routes act on. */
  const pinned = new Map<string, string>();
  /** Operations whose path ids no list could supply. */
  const unresolved = new Set<string>();

  beforeAll(async () => {
    tenant = await signupTenant(t.http);
    other = await signupTenant(t.http);
    sessions.set('ADMIN', tenant.admin);
    pinned.set('/api/organizations|id', tenant.organizationId);
    for (const role of ROLE_ORDER.filter((name) => name !== 'ADMIN')) {
      sessions.set(role, await memberWithRole(t.http, tenant, role));
    }
    for (const session of sessions.values()) protectedIds.add(session.userId);
    protectedIds.add(other.admin.userId);
    // Members, roles and keys the matrix may delete.
    for (let index = 0; index < SEEDS_PER_COLLECTION; index += 1) await memberWithRole(t.http, tenant, 'VIEWER');
    for (const grants of [['ORG_TAG_VIEW'], ['WEBHOOKS_MANAGE']] as Permission[][]) {
      const key = await createApiKey(t.http, tenant.admin, { grants, organizationIds: [tenant.organizationId] });
      lackingKeys.push({ secret: key.secret, grants: new GrantSet(grants) });
      protectedIds.add(key.id);
    }
    for (let index = 0; index < SEEDS_PER_COLLECTION; index += 1) {
      await createApiKey(t.http, tenant.admin, { grants: ['ALL_ORG_VIEW'], organizationIds: [tenant.organizationId] });
    }
    const now = Math.floor(Date.now() / 1000);
    expiredToken = forgeJwt(
      { ...jwtClaims(tenant.admin.token), iat: now - 2_000, exp: now - 1_000 },
      { secret: TEST_JWT_SECRET },
    );
    await seedCollections();
    pinned.set('/api/invoices|id', await sentInvoiceWithPayments());
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  /** The collection a path parameter's ids come from: the path up to that parameter. */
  function collectionOf(path: string, parameter: string): string {
    return path.slice(0, path.indexOf(`/{${parameter}}`));
  }

  async function listIds(collection: string, parameter: string): Promise<string[]> {
    const response = await t.http.get(collection).set(bearer(tenant.admin)).query({ limit: 100 });
    if (response.status !== 200) return [];
    const body = response.body as { items?: unknown } | unknown[];
    const items = (Array.isArray(body) ? body : Array.isArray(body.items) ? body.items : []) as Array<
      Record<string, unknown>
    >;
    return items
      .map((item) => item[parameter] ?? item.id)
      .filter((id): id is string => typeof id === 'string' && !protectedIds.has(id));
  }

  /**
   * Creates records in every collection that has an `{id}` route and a POST, until it has
   * enough; then in each empty nested collection (`/api/tickets/{id}/comments`) of every record
   * of its parent, so whichever parent a route picks has children to act on.
   */
  async function seedCollections(): Promise<void> {
    const collections = new Set<string>();
    const nested = new Map<string, string>();
    for (const operation of operations) {
      for (const [, parameter = ''] of operation.path.matchAll(/\{([^}]+)\}/g)) {
        const collection = collectionOf(operation.path, parameter);
        if (!collection.includes('{')) collections.add(collection);
        else if (!collection.slice(collection.indexOf('}') + 1).includes('{'))
          nested.set(
            collection,
            collectionOf(collection, collection.slice(collection.indexOf('{') + 1, collection.indexOf('}'))),
          );
      }
    }
    const hasPost = (path: string): boolean =>
      operations.some((operation) => operation.method === 'POST' && operation.path === path);
    for (const collection of collections) {
      if (pinned.has(`${collection}|id`) || !hasPost(collection)) continue;
      await seedCollection(collection);
    }
    for (const [collection, parent] of nested) {
      if (pinned.has(`${parent}|id`) || !hasPost(collection)) continue;
      for (const parentId of await listIds(parent, 'id')) {
        const url = collection.replace(/\{[^}]+\}/, parentId);
        if ((await listIds(url, 'id')).length === 0) await seedCollection(url);
      }
    }
    for (const action of SEED_ACTIONS) {
      const collection = collectionOf(action, 'id');
      for (const id of await listIds(collection, 'id')) {
        await t.http.post(action.replace('{id}', id)).set(bearer(tenant.admin)).send({}).expect(202);
      }
    }
  }

  /** Creates records at `url` with the first `SEED_BODIES` entry it takes, up to `SEEDS_PER_COLLECTION`. */
  async function seedCollection(url: string): Promise<void> {
    let existing = (await listIds(url, 'id')).length;
    const [contactId] = await listIds('/api/crm/contacts', 'id');
    const customerId = (await listIds('/api/crm/customers', 'id'))[0] ?? (await aSeededCustomer());
    for (const body of SEED_BODIES) {
      while (existing < SEEDS_PER_COLLECTION) {
        const response = await t.http
          .post(url)
          .set(bearer(tenant.admin))
          .send(body(`Matrix${unique()}`, contactId, customerId));
        if (response.status !== 201 && response.status !== 200) break;
        existing += 1;
      }
    }
  }

  /** A customer for records that need one (`/api/assets` is seeded before `/api/crm/customers`). */
  async function aSeededCustomer(): Promise<string | undefined> {
    const response = await t.http.post('/api/crm/customers').set(bearer(tenant.admin)).send(aCustomer());
    return (response.body as { id?: string }).id;
  }

  /**
   * Payments exist only on a sent invoice, which no single POST makes: the matrix acts on one
   * with a payment per actor that may delete one (an id its nested routes can list).
   */
  async function sentInvoiceWithPayments(): Promise<string> {
    const as = (request: ReturnType<typeof t.http.post>) => request.set(bearer(tenant.admin));
    const customer = await as(t.http.post('/api/crm/customers')).send(aCustomer());
    const invoice = await as(t.http.post('/api/invoices')).send(anInvoice({ customerId: customer.body.id }));
    const sent = await as(t.http.post(`/api/invoices/${invoice.body.id as string}/send`)).send({});
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    for (let index = 0; index < SEEDS_PER_COLLECTION; index += 1) {
      const payment = await as(t.http.post(`/api/invoices/${invoice.body.id as string}/payments`)).send({
        amount: '1.00',
      });
      expect(payment.status, JSON.stringify(payment.body)).toBe(201);
    }
    return invoice.body.id as string;
  }

  /**
   * The operation's URL with real ids of the fixture tenant; `complete` is false when some
   * collection had no record to offer and a random id stands in.
   */
  async function urlFor(operation: ApiOperation): Promise<{ url: string; complete: boolean }> {
    let url = operation.path;
    let complete = true;
    for (const [placeholder, parameter = 'id'] of operation.path.matchAll(/\{([^}]+)\}/g)) {
      const collection = collectionOf(url, parameter);
      const cacheKey = `${collection}|${parameter}`;
      let id = pinned.get(cacheKey) ?? resolved.get(cacheKey) ?? (await listIds(collection, parameter))[0];
      if (id === undefined) {
        id = randomUUID();
        complete = false;
      } else {
        resolved.set(cacheKey, id);
      }
      url = url.replace(placeholder, id);
    }
    return { url, complete };
  }

  function lackingKey(operation: ApiOperation): string | null {
    const required = declaredPermissions(operation);
    const key = lackingKeys.find((candidate) => required.length === 0 || !candidate.grants.hasAny(required));
    return key === undefined ? null : key.secret;
  }

  const actors: readonly MatrixActor[] = [
    {
      name: 'no token',
      credential: () => undefined,
      expected: (operation) => (operation.declaration?.public === true ? passed() : ['unauthenticated']),
    },
    {
      name: 'expired token',
      credential: () => expiredToken,
      expected: (operation) => (operation.declaration?.public === true ? passed() : ['unauthenticated']),
    },
    ...ROLE_ORDER.map((role): MatrixActor => ({
      name: role,
      credential: () => sessions.get(role)?.token,
      expected: (operation) => expectedFor(new GrantSet(BUILT_IN_ROLES[role]), operation),
    })),
    {
      name: 'ADMIN of another tenant',
      credential: () => other.admin.token,
      expected: (operation) => {
        if (operation.declaration?.public === true || !hasPathParameters(operation)) {
          return expectedFor(new GrantSet(BUILT_IN_ROLES.ADMIN), operation);
        }
        // Another tenant's record is a 404 (a body may be refused as invalid first, which reveals nothing).
        return ['not-found', 'invalid'];
      },
    },
    {
      name: 'API key lacking the grant',
      credential: (operation) => lackingKey(operation),
      expected: (operation) => {
        if (operation.declaration?.public === true) return passed();
        if (operation.declaration?.userOnly === true) return ['forbidden'];
        return declaredPermissions(operation).length === 0 ? passed() : ['forbidden'];
      },
    },
  ];

  it('finds the operations of every module in the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(25);
    const paths = new Set(operations.map((operation) => operation.path));
    for (const path of [
      '/api/auth/login',
      '/api/organizations/{id}/members',
      '/api/roles/{id}',
      '/api/api-keys',
      '/api/audit',
    ]) {
      expect(paths).toContain(path);
    }
  });

  it('every operation is served by a handler that declares @Public() or @RequirePermissions(...)', () => {
    const undeclared = operations
      .filter(
        (operation) =>
          operation.declaration === undefined ||
          (!operation.declaration.public && operation.declaration.permissions === undefined),
      )
      .map((operation) => `${operation.method} ${operation.path}`);
    expect(undeclared).toEqual([]);
  });

  it.each(operations.map((operation) => [`${operation.method} ${operation.path}`, operation] as const))(
    '%s',
    async (_, operation) => {
      const unexpected: string[] = [];
      for (const actor of actors) {
        const credential = actor.credential(operation);
        if (credential === null) continue; // no key lacks every grant of an any-of list
        const { url, complete } = await urlFor(operation);
        const request = t.http[operation.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](url);
        if (credential !== undefined) void request.set(bearer(credential));
        const response = ['POST', 'PUT', 'PATCH'].includes(operation.method) ? await request.send({}) : await request;
        const outcome = classify(response);
        const expected = actor.expected(operation);
        // An id no list could supply is random: the handler's 404 then still means the guard let it
        // through. The last test below fails on such operations, so they do not go unnoticed.
        if (!complete) {
          unresolved.add(`${operation.method} ${operation.path}`);
          if (expected.includes('passed')) expected.push('not-found');
        }
        if (!expected.includes(outcome)) {
          const code = (response.body as { code?: string } | undefined)?.code ?? '';
          unexpected.push(`${actor.name}: expected ${expected.join(' or ')}, got ${response.status} ${code} (${url})`);
        }
        if (operation.method === 'DELETE' && response.status < 300) resolved.clear();
      }
      expect(unexpected).toEqual([]);
    },
  );

  it('used real records for every path id (else add a body to SEED_BODIES that creates one)', () => {
    expect([...unresolved]).toEqual([]);
  });
});
