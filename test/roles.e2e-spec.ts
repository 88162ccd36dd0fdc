import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createTestApp,
  expectProblem,
  login,
  memberWithRole,
  signupTenant,
  TEST_PASSWORD,
  type Session,
  type TenantFixture,
  type TestApp,
  unique,
} from '@clientele/testing';

const BUILT_IN_ADMIN = '00000000-0000-4000-8000-000000000005';
const BUILT_IN_NAMES = ['ADMIN', 'AGENT', 'GUEST', 'MANAGER', 'VIEWER'];

describe('roles', () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let other: TenantFixture;

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await signupTenant(t.http);
    other = await signupTenant(t.http);
  });
  afterAll(async () => {
    await t.close();
  });

  async function createRole(body: Record<string, unknown>, as = tenant): Promise<{ id: string; name: string }> {
    const response = await t.http.post('/api/roles').set(bearer(as.admin)).send(body);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as { id: string; name: string };
  }

  describe('GET /api/roles', () => {
    it('lists the built-in roles and the tenant’s own, not other tenants’', async () => {
      const mine = await createRole({ name: `Support ${unique()}`, grants: ['ORG_CONTACT_VIEW'] });
      const theirs = await createRole({ name: `Theirs ${unique()}`, grants: [] }, other);
      const response = await t.http.get('/api/roles').set(bearer(tenant.admin)).query({ limit: 100 });
      expect(response.status).toBe(200);
      const items = response.body.items as Array<{ id: string; name: string; builtIn: boolean; grants: string[] }>;
      const ids = items.map((role) => role.id);
      expect(ids).toContain(mine.id);
      expect(ids).not.toContain(theirs.id);
      expect(
        items
          .filter((role) => role.builtIn)
          .map((role) => role.name)
          .sort(),
      ).toEqual(BUILT_IN_NAMES);
      expect(items.find((role) => role.name === 'AGENT')?.grants).toEqual(
        expect.arrayContaining(['ALL_ORG_VIEW', 'ORG_CONTACT_EDIT_OWN']),
      );
      expect(response.body.total).toBe(items.length);
      const builtInOnly = await t.http.get('/api/roles').set(bearer(tenant.admin)).query({ builtIn: 'true' });
      expect(builtInOnly.body.total).toBe(5);
    });

    it('is open to VIEWER (ORG_MEMBERS_VIEW), 403 for GUEST, 400 for bad params', async () => {
      const viewer = await memberWithRole(t.http, tenant, 'VIEWER');
      await t.http.get('/api/roles').set(bearer(viewer)).expect(200);
      const guest = await memberWithRole(t.http, tenant, 'GUEST');
      expectProblem(await t.http.get('/api/roles').set(bearer(guest)), 403, 'FORBIDDEN');
      expectProblem(
        await t.http.get('/api/roles').set(bearer(tenant.admin)).query({ builtIn: 'maybe', sort: 'grants' }),
        400,
        'VALIDATION_FAILED',
        ['builtIn'],
      );
    });
  });

  describe('GET /api/roles/:id', () => {
    it('returns a built-in or own role, 404 for another tenant’s, 400 for a bad id', async () => {
      const role = await createRole({
        name: `Auditor ${unique()}`,
        description: 'Reads the audit log',
        grants: ['AUDIT_VIEW'],
      });
      const response = await t.http.get(`/api/roles/${role.id}`).set(bearer(tenant.admin)).expect(200);
      expect(response.body).toMatchObject({
        id: role.id,
        description: 'Reads the audit log',
        grants: ['AUDIT_VIEW'],
        builtIn: false,
        version: 1,
      });
      expect(response.headers.etag).toBe('"1"');
      await t.http.get(`/api/roles/${BUILT_IN_ADMIN}`).set(bearer(tenant.admin)).expect(200);
      expectProblem(await t.http.get(`/api/roles/${role.id}`).set(bearer(other.admin)), 404, 'ROLE_NOT_FOUND');
      expectProblem(await t.http.get('/api/roles/nope').set(bearer(tenant.admin)), 400, 'VALIDATION_FAILED', ['id']);
    });
  });

  describe('POST /api/roles', () => {
    it('creates a role with any subset of grants and audits it', async () => {
      const name = `Sales lead ${unique()}`;
      const response = await t.http
        .post('/api/roles')
        .set(bearer(tenant.admin))
        .send({ name, grants: ['ORG_DEAL_EDIT', 'ALL_ORG_VIEW'] });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ name, grants: ['ALL_ORG_VIEW', 'ORG_DEAL_EDIT'], builtIn: false });
      const [row] = await t.db.query(`SELECT tenant_id, grants, built_in, created_by FROM role WHERE id = $1`, [
        response.body.id,
      ]);
      expect(row).toEqual({
        tenant_id: tenant.tenantId,
        grants: ['ALL_ORG_VIEW', 'ORG_DEAL_EDIT'],
        built_in: false,
        created_by: tenant.admin.userId,
      });
      const [audit] = await t.db.query(`SELECT action, organization_id FROM audit_entry WHERE entity_id = $1`, [
        response.body.id,
      ]);
      expect(audit).toEqual({ action: 'role.created', organization_id: null });
    });

    it('validates grants against the known grants, and refuses unknown fields', async () => {
      expectProblem(
        await t.http
          .post('/api/roles')
          .set(bearer(tenant.admin))
          .send({ name: 'Bad', grants: ['ORG_CONTACT_VIEW', 'SUPERUSER'], tenantId: tenant.tenantId, builtIn: true }),
        400,
        'VALIDATION_FAILED',
        ['grants', 'tenantId', 'builtIn'],
      );
      expectProblem(
        await t.http.post('/api/roles').set(bearer(tenant.admin)).send({ name: ' ', grants: 'ALL_ORG_VIEW' }),
        400,
        'VALIDATION_FAILED',
        ['name', 'grants'],
      );
    });

    it('refuses a taken name or a built-in role’s name with 409 ROLE_NAME_TAKEN', async () => {
      const role = await createRole({ name: `Dup ${unique()}`, grants: [] });
      expectProblem(
        await t.http.post('/api/roles').set(bearer(tenant.admin)).send({ name: role.name.toUpperCase(), grants: [] }),
        409,
        'ROLE_NAME_TAKEN',
      );
      expectProblem(
        await t.http.post('/api/roles').set(bearer(tenant.admin)).send({ name: 'manager', grants: [] }),
        409,
        'ROLE_NAME_TAKEN',
      );
      // Another tenant may use the same name.
      await createRole({ name: role.name, grants: [] }, other);
    });

    it('is refused to MANAGER (403) and to anyone giving grants they lack (403 GRANT_NOT_HELD)', async () => {
      const manager = await memberWithRole(t.http, tenant, 'MANAGER');
      expectProblem(
        await t.http
          .post('/api/roles')
          .set(bearer(manager))
          .send({ name: `X ${unique()}`, grants: [] }),
        403,
        'FORBIDDEN',
      );
      // A member manager without AUDIT_VIEW cannot mint a role carrying it.
      const membersOnly = await createRole({
        name: `Members ${unique()}`,
        grants: ['ORG_MEMBERS_MANAGE', 'ORG_MEMBERS_VIEW'],
      });
      const delegate = await memberWithRole(t.http, tenant, membersOnly.name);
      expectProblem(
        await t.http
          .post('/api/roles')
          .set(bearer(delegate))
          .send({ name: `Y ${unique()}`, grants: ['AUDIT_VIEW'] }),
        403,
        'GRANT_NOT_HELD',
      );
      // Nor give anyone, themselves included, a role with more than they hold.
      expectProblem(
        await t.http
          .patch(`/api/organizations/${tenant.organizationId}/members/${delegate.userId}`)
          .set(bearer(delegate))
          .send({ role: 'ADMIN' }),
        403,
        'GRANT_NOT_HELD',
      );
      await t.http
        .post('/api/roles')
        .set(bearer(delegate))
        .send({ name: `Z ${unique()}`, grants: ['ORG_MEMBERS_VIEW'] })
        .expect(201);
    });
  });

  describe('assigning a tenant role', () => {
    it('gives the member exactly the role’s grants, and a role change applies on their next request', async () => {
      const role = await createRole({ name: `Contacts only ${unique()}`, grants: ['ORG_CONTACT_VIEW'] });
      const member = await memberWithRole(t.http, tenant, role.name);
      const me = await t.http.get('/api/auth/me').set(bearer(member)).expect(200);
      expect(me.body.memberships[0]).toMatchObject({ role: role.name, roleId: role.id, grants: ['ORG_CONTACT_VIEW'] });
      expectProblem(await t.http.get('/api/roles').set(bearer(member)), 403, 'FORBIDDEN');

      await t.http
        .patch(`/api/roles/${role.id}`)
        .set(bearer(tenant.admin))
        .send({ grants: ['ORG_CONTACT_VIEW', 'ORG_MEMBERS_VIEW'] })
        .expect(200);
      await t.http.get('/api/roles').set(bearer(member)).expect(200);
    });
  });

  describe('a tenant role held in several organizations', () => {
    const ESCALATION = ['ALL_ORG_VIEW', 'ALL_ORG_EDIT', 'ORG_MEMBERS_MANAGE', 'API_KEYS_MANAGE', 'AUDIT_VIEW'];

    /** Org 2 of the tenant, where m2 holds role R; m1 is ADMIN of the first organization only. */
    async function twoOrganizations(): Promise<{
      role: { id: string; name: string };
      m1: Session;
      m2: Session;
      org2: string;
    }> {
      const org2 = await t.http
        .post('/api/organizations')
        .set(bearer(tenant.admin))
        .send({ name: `Org 2 ${unique()}` })
        .expect(201);
      const role = await createRole({ name: `Contact viewer ${unique()}`, grants: ['ORG_CONTACT_VIEW'] });
      const m2 = await memberWithRole(t.http, tenant, role.name, org2.body.id as string);
      const m1 = await memberWithRole(t.http, tenant, 'ADMIN');
      return { role, m1, m2, org2: org2.body.id as string };
    }

    async function grantsOf(session: Session, organizationId: string): Promise<string[]> {
      const me = await t.http.get('/api/auth/me').set(bearer(session)).expect(200);
      const memberships = me.body.memberships as Array<{ organizationId: string; grants: string[] }>;
      return memberships.find((membership) => membership.organizationId === organizationId)?.grants ?? [];
    }

    it('refuses an ADMIN of another organization who raises its grants (403), and nothing changes', async () => {
      const { role, m1, m2, org2 } = await twoOrganizations();
      expectProblem(
        await t.http.patch(`/api/roles/${role.id}`).set(bearer(m1)).send({ grants: ESCALATION }),
        403,
        'GRANT_NOT_HELD',
      );
      const [row] = await t.db.query(`SELECT grants, version FROM role WHERE id = $1`, [role.id]);
      expect(row).toEqual({ grants: ['ORG_CONTACT_VIEW'], version: 1 });
      expect(await grantsOf(m2, org2)).toEqual(['ORG_CONTACT_VIEW']);
      const contact = await t.http
        .post('/api/crm/contacts')
        .set(bearer(tenant.admin))
        .set('X-Organization-Id', org2)
        .send({ firstName: 'Held', lastName: 'Elsewhere' })
        .expect(201);
      expectProblem(
        await t.http
          .patch(`/api/crm/contacts/${contact.body.id as string}`)
          .set(bearer(m2))
          .send({ jobTitle: 'Escalated' }),
        403,
        'FORBIDDEN',
      );
    });

    it('refuses the same ADMIN stripping it (grants: []), renaming or deleting it, and allows one who manages every holder', async () => {
      const { role, m1, m2, org2 } = await twoOrganizations();
      expectProblem(
        await t.http.patch(`/api/roles/${role.id}`).set(bearer(m1)).send({ grants: [] }),
        403,
        'GRANT_NOT_HELD',
      );
      expectProblem(
        await t.http
          .patch(`/api/roles/${role.id}`)
          .set(bearer(m1))
          .send({ name: `Renamed ${unique()}` }),
        403,
        'GRANT_NOT_HELD',
      );
      // Not a 409 with the holders' count: that would tell m1 about organizations it cannot see.
      expectProblem(await t.http.delete(`/api/roles/${role.id}`).set(bearer(m1)), 403, 'GRANT_NOT_HELD');
      expect(await grantsOf(m2, org2)).toEqual(['ORG_CONTACT_VIEW']);

      // The tenant's first user is ADMIN of both organizations, so it may change the role.
      await t.http
        .patch(`/api/roles/${role.id}`)
        .set(bearer(tenant.admin))
        .send({ grants: ['ORG_CONTACT_VIEW', 'ORG_TAG_VIEW'] })
        .expect(200);
      expect(await grantsOf(m2, org2)).toEqual(['ORG_CONTACT_VIEW', 'ORG_TAG_VIEW']);
    });

    it('lets an ADMIN change a role held only in organizations it manages', async () => {
      const { m1 } = await twoOrganizations();
      const local = await createRole({ name: `Local ${unique()}`, grants: ['ORG_CONTACT_VIEW'] });
      const holder = await memberWithRole(t.http, tenant, local.name);
      await t.http
        .patch(`/api/roles/${local.id}`)
        .set(bearer(m1))
        .send({ grants: ['ORG_CONTACT_EDIT'] })
        .expect(200);
      expect(await grantsOf(holder, tenant.organizationId)).toEqual(['ORG_CONTACT_EDIT']);
    });

    it('refuses a delegate who manages members but lacks a grant the role already carries (removing it)', async () => {
      const membersOnly = await createRole({
        name: `Members ${unique()}`,
        grants: ['ORG_MEMBERS_MANAGE', 'ORG_MEMBERS_VIEW'],
      });
      const delegate = await memberWithRole(t.http, tenant, membersOnly.name);
      const auditor = await createRole({ name: `Auditor ${unique()}`, grants: ['AUDIT_VIEW'] });
      await memberWithRole(t.http, tenant, auditor.name);
      expectProblem(
        await t.http.patch(`/api/roles/${auditor.id}`).set(bearer(delegate)).send({ grants: [] }),
        403,
        'GRANT_NOT_HELD',
      );
      const [row] = await t.db.query(`SELECT grants FROM role WHERE id = $1`, [auditor.id]);
      expect(row.grants).toEqual(['AUDIT_VIEW']);
    });
  });

  describe('PATCH /api/roles/:id', () => {
    it('renames and replaces grants, bumps the version, audits before and after', async () => {
      const role = await createRole({ name: `Old ${unique()}`, grants: ['ORG_TAG_VIEW'] });
      const name = `New ${unique()}`;
      const response = await t.http
        .patch(`/api/roles/${role.id}`)
        .set(bearer(tenant.admin))
        .set('If-Match', '"1"')
        .send({ name, grants: ['ORG_TAG_EDIT'] });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ name, grants: ['ORG_TAG_EDIT'], version: 2 });
      const [audit] = await t.db.query(
        `SELECT before, after FROM audit_entry WHERE entity_id = $1 AND action = 'role.updated'`,
        [role.id],
      );
      expect(audit.before).toMatchObject({ name: role.name, grants: ['ORG_TAG_VIEW'] });
      expect(audit.after).toMatchObject({ name, grants: ['ORG_TAG_EDIT'] });
      expectProblem(
        await t.http
          .patch(`/api/roles/${role.id}`)
          .set(bearer(tenant.admin))
          .set('If-Match', '"1"')
          .send({ name: 'Stale' }),
        412,
        'PRECONDITION_FAILED',
      );
    });

    it('refuses built-in roles (409 BUILT_IN_ROLE), bad input (400), MANAGER (403), other tenants (404)', async () => {
      expectProblem(
        await t.http.patch(`/api/roles/${BUILT_IN_ADMIN}`).set(bearer(tenant.admin)).send({ grants: [] }),
        409,
        'BUILT_IN_ROLE',
      );
      const [admin] = await t.db.query(`SELECT grants FROM role WHERE id = $1`, [BUILT_IN_ADMIN]);
      expect(admin.grants).toContain('ORG_MEMBERS_MANAGE');
      const role = await createRole({ name: `Patch ${unique()}`, grants: [] });
      expectProblem(
        await t.http
          .patch(`/api/roles/${role.id}`)
          .set(bearer(tenant.admin))
          .send({ grants: ['NOPE'] }),
        400,
        'VALIDATION_FAILED',
        ['grants'],
      );
      const manager = await memberWithRole(t.http, tenant, 'MANAGER');
      expectProblem(
        await t.http.patch(`/api/roles/${role.id}`).set(bearer(manager)).send({ grants: [] }),
        403,
        'FORBIDDEN',
      );
      expectProblem(
        await t.http.patch(`/api/roles/${role.id}`).set(bearer(other.admin)).send({ grants: [] }),
        404,
        'ROLE_NOT_FOUND',
      );
    });
  });

  describe('DELETE /api/roles/:id', () => {
    it('deletes a role nobody holds; the name can be used again', async () => {
      const role = await createRole({ name: `Temp ${unique()}`, grants: [] });
      await t.http.delete(`/api/roles/${role.id}`).set(bearer(tenant.admin)).expect(204);
      expectProblem(await t.http.get(`/api/roles/${role.id}`).set(bearer(tenant.admin)), 404, 'ROLE_NOT_FOUND');
      const [row] = await t.db.query(`SELECT deleted_at IS NOT NULL AS deleted FROM role WHERE id = $1`, [role.id]);
      expect(row.deleted).toBe(true);
      await createRole({ name: role.name, grants: [] });
      const [audit] = await t.db.query(
        `SELECT action FROM audit_entry WHERE entity_id = $1 AND action = 'role.deleted'`,
        [role.id],
      );
      expect(audit).toBeDefined();
      expectProblem(
        await t.http
          .post(`/api/organizations/${tenant.organizationId}/members`)
          .set(bearer(tenant.admin))
          .send({
            email: `m-${unique()}@example.test`,
            password: TEST_PASSWORD,
            firstName: 'A',
            lastName: 'B',
            roleId: role.id,
          }),
        400,
        'ROLE_NOT_FOUND',
        ['roleId'],
      );
    });

    it('refuses a role in use (409 ROLE_IN_USE), a built-in role (409), MANAGER (403), other tenants (404)', async () => {
      const role = await createRole({ name: `Used ${unique()}`, grants: [] });
      const member = await memberWithRole(t.http, tenant, role.name);
      const inUse = await t.http.delete(`/api/roles/${role.id}`).set(bearer(tenant.admin));
      expectProblem(inUse, 409, 'ROLE_IN_USE');
      expect(inUse.body.memberCount).toBe(1);
      expectProblem(
        await t.http.delete(`/api/roles/${BUILT_IN_ADMIN}`).set(bearer(tenant.admin)),
        409,
        'BUILT_IN_ROLE',
      );
      const manager = await memberWithRole(t.http, tenant, 'MANAGER');
      expectProblem(await t.http.delete(`/api/roles/${role.id}`).set(bearer(manager)), 403, 'FORBIDDEN');
      expectProblem(await t.http.delete(`/api/roles/${role.id}`).set(bearer(other.admin)), 404, 'ROLE_NOT_FOUND');

      // Once nobody holds it (a removed member no longer counts), it can go.
      await t.http
        .delete(`/api/organizations/${tenant.organizationId}/members/${member.userId}`)
        .set(bearer(tenant.admin))
        .expect(204);
      await t.http.delete(`/api/roles/${role.id}`).set(bearer(tenant.admin)).expect(204);
      await login(t.http, member.email); // the former member still has an account
    });
  });
});
