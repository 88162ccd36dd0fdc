import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createApiKey,
  createTestApp,
  expectProblem,
  login,
  memberWithRole,
  type Session,
  signupTenant,
  TEST_PASSWORD,
  type TenantFixture,
  type TestApp,
  unique,
} from '@clientele/testing';

interface Entry {
  id: string;
  organizationId: string | null;
  actorType: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: string;
}

describe('GET /api/audit', () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let other: TenantFixture;
  let agent: Session;
  /** An organization of `tenant` that its first admin is not a member of. */
  let hiddenOrganizationId: string;

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await signupTenant(t.http);
    other = await signupTenant(t.http);
    agent = await memberWithRole(t.http, tenant, 'AGENT');
    // A second ADMIN creates an organization the first admin does not belong to.
    const secondAdmin = await memberWithRole(t.http, tenant, 'ADMIN');
    const hidden = await t.http
      .post('/api/organizations')
      .set(bearer(secondAdmin))
      .send({ name: `Hidden ${unique()}` })
      .expect(201);
    hiddenOrganizationId = hidden.body.id;
    await t.http.post('/api/auth/login').send({ email: agent.email, password: 'not the password' }).expect(401);
  });
  afterAll(async () => {
    await t.close();
  });

  async function audit(query: Record<string, string | number> = {}, as: Session = tenant.admin): Promise<Entry[]> {
    const response = await t.http
      .get('/api/audit')
      .set(bearer(as))
      .query({ limit: 100, ...query });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.items as Entry[];
  }

  it('lists the tenant’s trail newest first: writes, logins, failures, membership changes', async () => {
    const entries = await audit();
    const actions = entries.map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'tenant.created',
        'organization.created',
        'organization.member_added',
        'user.created',
        'user.logged_in',
        'user.login_failed',
      ]),
    );
    const times = entries.map((entry) => entry.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const failed = entries.find((entry) => entry.action === 'user.login_failed');
    expect(failed).toMatchObject({
      actorType: 'anonymous',
      actorId: null,
      entity: 'user',
      entityId: agent.userId,
      organizationId: null,
    });
    expect(failed?.after).toMatchObject({ reason: 'INVALID_CREDENTIALS', failures: 1, ip: expect.any(String) });
    const added = entries.find(
      (entry) => entry.action === 'organization.member_added' && entry.after?.userId === agent.userId,
    );
    expect(added).toMatchObject({
      actorType: 'user',
      actorId: tenant.admin.userId,
      organizationId: tenant.organizationId,
    });
    expect(JSON.stringify(entries)).not.toMatch(/argon2|passwordHash|secretHash/);
  });

  it('filters by actor, entity, entity id, action (exact or prefix) and time', async () => {
    const byActor = await audit({ actorId: tenant.admin.userId });
    expect(byActor.length).toBeGreaterThan(0);
    expect(byActor.every((entry) => entry.actorId === tenant.admin.userId)).toBe(true);

    const memberships = await audit({ entity: 'membership' });
    expect(memberships.length).toBeGreaterThan(0);
    expect(memberships.every((entry) => entry.entity === 'membership')).toBe(true);

    const aboutAgent = await audit({ entityId: agent.userId });
    expect(new Set(aboutAgent.map((entry) => entry.entityId))).toEqual(new Set([agent.userId]));

    const logins = await audit({ action: 'user.logged_in' });
    expect(logins.length).toBeGreaterThan(0);
    expect(logins.every((entry) => entry.action === 'user.logged_in')).toBe(true);
    const userEvents = await audit({ action: 'user.*' });
    expect(new Set(userEvents.map((entry) => entry.action.split('.')[0]))).toEqual(new Set(['user']));
    expect(userEvents.length).toBeGreaterThan(logins.length);

    const apiKeyActor = await audit({ actorType: 'anonymous' });
    expect(apiKeyActor.every((entry) => entry.actorType === 'anonymous')).toBe(true);

    const boundary = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const role = await t.http
      .post('/api/roles')
      .set(bearer(tenant.admin))
      .send({ name: `Audited ${unique()}`, grants: [] })
      .expect(201);
    const after = await audit({ from: boundary });
    expect(after.map((entry) => entry.entityId)).toEqual([role.body.id]);
    const before = await audit({ to: boundary });
    expect(before.map((entry) => entry.entityId)).not.toContain(role.body.id);
    expect(after[0]).toMatchObject({ action: 'role.created', entity: 'role', organizationId: null });
  });

  it('pages with limit/offset and with a cursor', async () => {
    const all = await audit();
    const first = await t.http.get('/api/audit').set(bearer(tenant.admin)).query({ limit: 2, cursor: undefined });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.total).toBe(all.length);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const next = await t.http
      .get('/api/audit')
      .set(bearer(tenant.admin))
      .query({ limit: 2, cursor: first.body.nextCursor })
      .expect(200);
    expect(next.body.items.map((entry: Entry) => entry.id)).toEqual(all.slice(2, 4).map((entry) => entry.id));
    const offset = await t.http.get('/api/audit').set(bearer(tenant.admin)).query({ limit: 2, offset: 2 }).expect(200);
    expect(offset.body.items.map((entry: Entry) => entry.id)).toEqual(all.slice(2, 4).map((entry) => entry.id));
  });

  it('shows another tenant nothing of this one, and hides organizations the viewer is not in', async () => {
    const theirs = await audit({}, other.admin);
    expect(theirs.length).toBeGreaterThan(0);
    const mine = new Set((await audit()).map((entry) => entry.id));
    expect(theirs.some((entry) => mine.has(entry.id))).toBe(false);

    const entries = await audit();
    expect(entries.some((entry) => entry.organizationId === hiddenOrganizationId)).toBe(false);
    expectProblem(
      await t.http.get('/api/audit').set(bearer(tenant.admin)).query({ organizationId: hiddenOrganizationId }),
      404,
      'ORGANIZATION_NOT_FOUND',
    );
    // Naming one organization shows its entries only, without the tenant-wide ones.
    const scoped = await audit({ organizationId: tenant.organizationId });
    expect(scoped.length).toBeGreaterThan(0);
    expect(scoped.every((entry) => entry.organizationId === tenant.organizationId)).toBe(true);
  });

  it('records MFA changes, role changes and API key creation and revocation', async () => {
    const admin = await login(t.http, tenant.admin.email);
    await t.http.post('/api/auth/mfa/setup').set(bearer(admin)).expect(201);
    const key = await createApiKey(t.http, admin, {
      grants: ['ALL_ORG_VIEW'],
      organizationIds: [tenant.organizationId],
    });
    await t.http.delete(`/api/api-keys/${key.id}`).set(bearer(admin)).expect(204);
    await t.http
      .patch(`/api/organizations/${tenant.organizationId}/members/${agent.userId}`)
      .set(bearer(admin))
      .send({ role: 'VIEWER' })
      .expect(200);
    const actions = (await audit({ actorId: admin.userId })).map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'user.mfa_setup_started',
        'api_key.created',
        'api_key.revoked',
        'organization.member_role_changed',
      ]),
    );
  });

  it('needs AUDIT_VIEW (403 for AGENT and for a key without it), a token (401), and valid filters (400)', async () => {
    expectProblem(await t.http.get('/api/audit').set(bearer(agent)), 403, 'FORBIDDEN');
    expectProblem(await t.http.get('/api/audit'), 401, 'UNAUTHORIZED');
    const key = await createApiKey(t.http, tenant.admin, {
      grants: ['ALL_ORG_VIEW'],
      organizationIds: [tenant.organizationId],
    });
    expectProblem(await t.http.get('/api/audit').set(bearer(key.secret)), 403, 'FORBIDDEN');
    const auditor = await createApiKey(t.http, tenant.admin, {
      grants: ['AUDIT_VIEW'],
      organizationIds: [tenant.organizationId],
    });
    await t.http.get('/api/audit').set(bearer(auditor.secret)).expect(200);
    expectProblem(
      await t.http
        .get('/api/audit')
        .set(bearer(tenant.admin))
        .query({ actorId: 'me', from: 'yesterday', action: 'DROP TABLE', entity: 'Contact!', password: TEST_PASSWORD }),
      400,
      'VALIDATION_FAILED',
      ['actorId', 'from', 'action', 'entity', 'password'],
    );
    expectProblem(
      await t.http
        .get('/api/audit')
        .set(bearer(tenant.admin))
        .query({ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }),
      400,
      'VALIDATION_FAILED',
      ['to'],
    );
  });

  it('hides the tenant-wide entries of a user who belongs only to an organization the viewer does not audit', async () => {
    const branchAdmin = await memberWithRole(t.http, tenant, 'ADMIN');
    const branch = await t.http
      .post('/api/organizations')
      .set(bearer(branchAdmin))
      .send({ name: `Branch ${unique()}` })
      .expect(201);
    const branchId = branch.body.id as string;
    const email = `branch-only-${unique()}@example.test`;
    const added = await t.http
      .post(`/api/organizations/${branchId}/members`)
      .set(bearer(branchAdmin))
      .send({ email, password: 'correct horse battery staple', firstName: 'Bea', lastName: 'Branch', role: 'AGENT' });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const branchOnly = await login(t.http, email);
    const aboutThem = (entries: Entry[]): Entry[] =>
      entries.filter((entry) => entry.entityId === branchOnly.userId || entry.actorId === branchOnly.userId);
    // The first admin holds AUDIT_VIEW only outside the hidden organization: none of it shows.
    expect(aboutThem(await audit())).toEqual([]);
    expect(aboutThem(await audit({ action: 'user.*' }))).toEqual([]);
    // The stored trail has them (organization NULL), and the hidden organization's ADMIN sees them.
    const stored = await t.db.query(
      `SELECT action FROM audit_entry WHERE organization_id IS NULL AND (entity_id = $1 OR actor_id = $1)`,
      [branchOnly.userId],
    );
    expect((stored as Array<{ action: string }>).map((row) => row.action)).toEqual(
      expect.arrayContaining(['user.created', 'user.logged_in']),
    );
    const seenByTheirAdmin = aboutThem(await audit({}, branchAdmin)).map((entry) => entry.action);
    expect(seenByTheirAdmin).toEqual(expect.arrayContaining(['user.created', 'user.logged_in']));
    // Users of the viewer's own organizations still show: the agent's logins.
    expect((await audit({ actorId: agent.userId, action: 'user.logged_in' })).length).toBeGreaterThan(0);
  });
});
