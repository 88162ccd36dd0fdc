import type TestAgent from 'supertest/lib/agent';
import { aSignup, type SignupInput, TEST_PASSWORD, unique } from './factories';

export interface Session {
  readonly token: string;
  readonly refreshToken: string;
  readonly userId: string;
  readonly email: string;
}

export interface TenantFixture {
  readonly tenantId: string;
  readonly organizationId: string;
  /** The tenant's first user: ADMIN of `organizationId`. */
  readonly admin: Session;
}

export function bearer(session: Session | string): { Authorization: string } {
  return { Authorization: `Bearer ${typeof session === 'string' ? session : session.token}` };
}

function expectStatus(response: { status: number; body: unknown }, status: number, what: string): void {
  if (response.status !== status) {
    throw new Error(`${what} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
}

/** Signs up a new tenant through the API and returns its ids and ADMIN session. */
export async function signupTenant(http: TestAgent, overrides: Partial<SignupInput> = {}): Promise<TenantFixture> {
  const input = aSignup(overrides);
  const signup = await http.post('/api/auth/signup').send(input);
  expectStatus(signup, 201, 'signup');
  const body = signup.body as { accessToken: string; refreshToken: string };
  const me = await http.get('/api/auth/me').set(bearer(body.accessToken));
  expectStatus(me, 200, 'me');
  const meBody = me.body as {
    user: { id: string };
    tenant: { id: string };
    memberships: Array<{ organizationId: string }>;
  };
  const organizationId = meBody.memberships[0]?.organizationId;
  if (organizationId === undefined) throw new Error('signup made no membership');
  return {
    tenantId: meBody.tenant.id,
    organizationId,
    admin: { token: body.accessToken, refreshToken: body.refreshToken, userId: meBody.user.id, email: input.email },
  };
}

export async function login(http: TestAgent, email: string, password = TEST_PASSWORD): Promise<Session> {
  const response = await http.post('/api/auth/login').send({ email, password });
  expectStatus(response, 200, `login ${email}`);
  const body = response.body as { accessToken: string; refreshToken: string };
  const me = await http.get('/api/auth/me').set(bearer(body.accessToken));
  return {
    token: body.accessToken,
    refreshToken: body.refreshToken,
    userId: (me.body as { user: { id: string } }).user.id,
    email,
  };
}

/** Adds a new user with `role` to the organization (as its ADMIN) and logs them in. */
export async function memberWithRole(
  http: TestAgent,
  tenant: TenantFixture,
  role: string,
  organizationId = tenant.organizationId,
): Promise<Session> {
  const email = `${role.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${unique()}@example.test`;
  const response = await http
    .post(`/api/organizations/${organizationId}/members`)
    .set(bearer(tenant.admin))
    .send({ email, password: TEST_PASSWORD, firstName: 'Test', lastName: role, role });
  expectStatus(response, 201, `add ${role} member`);
  return login(http, email);
}
