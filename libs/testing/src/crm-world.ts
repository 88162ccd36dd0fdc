import type { Test } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { bearer, memberWithRole, type Session, signupTenant, type TenantFixture } from './auth-helpers';
import { unique } from './factories';

/** Two tenants and acme's people in each role: what every CRM module's tests start from. */
export interface CrmWorld {
  readonly acme: TenantFixture;
  readonly globex: TenantFixture;
  readonly viewer: Session;
  readonly agent: Session;
  readonly manager: Session;
  readonly guest: Session;
  /** An organization of acme's tenant where only acme's ADMIN is a member. */
  readonly branchId: string;
}

export async function createCrmWorld(http: TestAgent): Promise<CrmWorld> {
  const acme = await signupTenant(http);
  const globex = await signupTenant(http);
  const [viewer, agent, manager, guest] = [
    await memberWithRole(http, acme, 'VIEWER'),
    await memberWithRole(http, acme, 'AGENT'),
    await memberWithRole(http, acme, 'MANAGER'),
    await memberWithRole(http, acme, 'GUEST'),
  ];
  const branch = await http
    .post('/api/organizations')
    .set(bearer(acme.admin))
    .send({ name: `Branch ${unique()}` });
  if (branch.status !== 201) throw new Error(`branch organization: ${JSON.stringify(branch.body)}`);
  return { acme, globex, viewer, agent, manager, guest, branchId: (branch.body as { id: string }).id };
}

/** A session's requests, each with its bearer token and `X-Organization-Id`. */
export interface MemberRequests {
  get(url: string): Test;
  post(url: string, body?: object): Test;
  patch(url: string, body: object): Test;
  put(url: string, body: object): Test;
  delete(url: string): Test;
}

/**
 * `session`'s requests in `organizationId`, by default its home in the world: globex's
 * organization for globex's ADMIN, acme's first organization for everyone else.
 */
export function requestsIn(
  http: TestAgent,
  world: Pick<CrmWorld, 'acme' | 'globex'>,
  session: Session,
  organizationId = session === world.globex.admin ? world.globex.organizationId : world.acme.organizationId,
): MemberRequests {
  const scoped = (request: Test): Test => request.set(bearer(session)).set('X-Organization-Id', organizationId);
  return {
    get: (url) => scoped(http.get(url)),
    post: (url, body = {}) => scoped(http.post(url)).send(body),
    patch: (url, body) => scoped(http.patch(url)).send(body),
    put: (url, body) => scoped(http.put(url)).send(body),
    delete: (url) => scoped(http.delete(url)),
  };
}
