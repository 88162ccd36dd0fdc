import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createApiKey,
  createTestApp,
  expectProblem,
  memberWithRole,
  signupTenant,
  type TenantFixture,
  type TestApp,
  unique,
} from '@clientele/testing';

describe('service API keys', () => {
  let t: TestApp;
  let tenant: TenantFixture;
  let other: TenantFixture;
  /** A second organization of `tenant`, created by its admin. */
  let secondOrganizationId: string;

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await signupTenant(t.http);
    other = await signupTenant(t.http);
    const created = await t.http
      .post('/api/organizations')
      .set(bearer(tenant.admin))
      .send({ name: `Second ${unique()}` })
      .expect(201);
    secondOrganizationId = created.body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /api/api-keys', () => {
    it('returns the secret once (ck_…), stores only its SHA-256 and a display prefix, and audits without it', async () => {
      const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
      const response = await t.http
        .post('/api/api-keys')
        .set(bearer(tenant.admin))
        .send({
          name: 'billing-sync',
          grants: ['ORG_CONTACT_VIEW', 'ORG_MEMBERS_VIEW'],
          organizationIds: [tenant.organizationId],
          expiresAt,
        });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      const body = response.body;
      expect(body.secret).toMatch(/^ck_[A-Za-z0-9_-]{40}$/);
      expect(body).toMatchObject({
        name: 'billing-sync',
        prefix: body.secret.slice(0, 11),
        grants: ['ORG_CONTACT_VIEW', 'ORG_MEMBERS_VIEW'],
        organizationIds: [tenant.organizationId],
        expiresAt,
        lastUsedAt: null,
        revokedAt: null,
        status: 'ACTIVE',
        createdBy: tenant.admin.userId,
      });
      const [row] = await t.db.query(`SELECT * FROM api_key WHERE id = $1`, [body.id]);
      expect(row.secret_hash).toBe(createHash('sha256').update(body.secret).digest('hex'));
      expect(JSON.stringify(row)).not.toContain(body.secret);
      const trail = JSON.stringify(
        await t.db.query(
          `SELECT a.after, o.payload FROM audit_entry a JOIN outbox_event o ON o.entity_id = a.entity_id
            WHERE a.entity_id = $1 AND a.action = 'api_key.created'`,
          [body.id],
        ),
      );
      expect(trail).toContain('billing-sync');
      expect(trail).not.toContain(body.secret);
      expect(trail).not.toContain(row.secret_hash);
    });

    it('answers bad input with 400 and field errors', async () => {
      expectProblem(
        await t.http
          .post('/api/api-keys')
          .set(bearer(tenant.admin))
          .send({
            name: '',
            grants: ['ALL_ORG_VIEW', 'GOD_MODE'],
            organizationIds: ['not-a-uuid'],
            expiresAt: '2001-01-01T00:00:00Z',
            secret: 'ck_mine',
          }),
        400,
        'VALIDATION_FAILED',
        ['name', 'grants', 'organizationIds', 'expiresAt', 'secret'],
      );
      expectProblem(
        await t.http
          .post('/api/api-keys')
          .set(bearer(tenant.admin))
          .send({ name: 'x', grants: [], organizationIds: [] }),
        400,
        'VALIDATION_FAILED',
        ['grants', 'organizationIds'],
      );
    });

    it('gives only what the creator holds: 404 for an organization they are not in, 403 for a grant they lack', async () => {
      expectProblem(
        await t.http
          .post('/api/api-keys')
          .set(bearer(tenant.admin))
          .send({ name: `k-${unique()}`, grants: ['ALL_ORG_VIEW'], organizationIds: [other.organizationId] }),
        404,
        'ORGANIZATION_NOT_FOUND',
      );
      // A tenant role with API_KEYS_MANAGE but no edit grants.
      const role = await t.http
        .post('/api/roles')
        .set(bearer(tenant.admin))
        .send({ name: `keys-${unique()}`, grants: ['API_KEYS_MANAGE', 'ALL_ORG_VIEW'] })
        .expect(201);
      const keyManager = await memberWithRole(t.http, tenant, role.body.name);
      await createApiKey(t.http, keyManager, {
        grants: ['ORG_CONTACT_VIEW'],
        organizationIds: [tenant.organizationId],
      });
      expectProblem(
        await t.http
          .post('/api/api-keys')
          .set(bearer(keyManager))
          .send({ name: `k-${unique()}`, grants: ['ORG_CONTACT_EDIT'], organizationIds: [tenant.organizationId] }),
        403,
        'GRANT_NOT_HELD',
      );
      // The admin is ADMIN in both organizations; the key manager only in the first.
      expectProblem(
        await t.http
          .post('/api/api-keys')
          .set(bearer(keyManager))
          .send({
            name: `k-${unique()}`,
            grants: ['ALL_ORG_VIEW'],
            organizationIds: [tenant.organizationId, secondOrganizationId],
          }),
        404,
        'ORGANIZATION_NOT_FOUND',
      );
    });

    it('is refused to MANAGER (no API_KEYS_MANAGE) with 403', async () => {
      const manager = await memberWithRole(t.http, tenant, 'MANAGER');
      expectProblem(
        await t.http
          .post('/api/api-keys')
          .set(bearer(manager))
          .send({ name: `k-${unique()}`, grants: ['ALL_ORG_VIEW'], organizationIds: [tenant.organizationId] }),
        403,
        'FORBIDDEN',
      );
      expectProblem(await t.http.get('/api/api-keys').set(bearer(manager)), 403, 'FORBIDDEN');
    });

    it('refuses a second active key with the same name: 409 API_KEY_NAME_TAKEN', async () => {
      const name = `dup-${unique()}`;
      await createApiKey(t.http, tenant.admin, {
        name,
        grants: ['ALL_ORG_VIEW'],
        organizationIds: [tenant.organizationId],
      });
      expectProblem(
        await t.http
          .post('/api/api-keys')
          .set(bearer(tenant.admin))
          .send({ name, grants: ['ALL_ORG_VIEW'], organizationIds: [tenant.organizationId] }),
        409,
        'API_KEY_NAME_TAKEN',
      );
    });
  });

  describe('acting with a key', () => {
    it('acts as a service actor limited to its grants and organizations', async () => {
      const key = await createApiKey(t.http, tenant.admin, {
        grants: ['ORG_MEMBERS_VIEW'],
        organizationIds: [tenant.organizationId],
      });
      const organizations = await t.http.get('/api/organizations').set(bearer(key.secret)).expect(200);
      expect(organizations.body.items.map((org: { id: string }) => org.id)).toEqual([tenant.organizationId]);
      await t.http.get(`/api/organizations/${tenant.organizationId}/members`).set(bearer(key.secret)).expect(200);
      // The admin's second organization is outside the key: 404, as for any non-member.
      expectProblem(
        await t.http.get(`/api/organizations/${secondOrganizationId}`).set(bearer(key.secret)),
        404,
        'ORGANIZATION_NOT_FOUND',
      );
      // A grant the key lacks: 403.
      expectProblem(
        await t.http.patch(`/api/organizations/${tenant.organizationId}`).set(bearer(key.secret)).send({ name: 'x' }),
        403,
        'FORBIDDEN',
      );
    });

    it('records lastUsedAt on use, at most once a minute', async () => {
      const key = await createApiKey(t.http, tenant.admin, {
        grants: ['ORG_MEMBERS_VIEW'],
        organizationIds: [tenant.organizationId],
      });
      await t.http.get('/api/organizations').set(bearer(key.secret)).expect(200);
      const [first] = await t.db.query(`SELECT last_used_at FROM api_key WHERE id = $1`, [key.id]);
      expect(first.last_used_at).not.toBeNull();
      await t.http.get('/api/organizations').set(bearer(key.secret)).expect(200);
      const [second] = await t.db.query(`SELECT last_used_at FROM api_key WHERE id = $1`, [key.id]);
      expect(second.last_used_at).toEqual(first.last_used_at);
      const listed = await t.http.get('/api/api-keys').set(bearer(tenant.admin)).expect(200);
      const item = listed.body.items.find((entry: { id: string }) => entry.id === key.id);
      expect(new Date(item.lastUsedAt).getTime()).toBe(new Date(first.last_used_at).getTime());
    });

    it('writes under its own name in the audit log', async () => {
      const key = await createApiKey(t.http, tenant.admin, {
        grants: ['ORG_SETTINGS_EDIT'],
        organizationIds: [tenant.organizationId],
      });
      await t.http
        .patch(`/api/organizations/${tenant.organizationId}/settings`)
        .set(bearer(key.secret))
        .send({ invoicePrefix: 'SVC' })
        .expect(200);
      const [audit] = await t.db.query(
        `SELECT actor_type, actor_id FROM audit_entry WHERE action = 'organization.updated' AND entity_id = $1
          ORDER BY created_at DESC LIMIT 1`,
        [tenant.organizationId],
      );
      expect(audit).toEqual({ actor_type: 'api_key', actor_id: key.id });
    });

    it('is refused on routes about a logged-in person: 403 USER_ONLY', async () => {
      const key = await createApiKey(t.http, tenant.admin, {
        grants: ['ALL_ORG_VIEW'],
        organizationIds: [tenant.organizationId],
      });
      expectProblem(await t.http.get('/api/auth/me').set(bearer(key.secret)), 403, 'USER_ONLY');
      expectProblem(await t.http.post('/api/auth/logout').set(bearer(key.secret)), 403, 'USER_ONLY');
    });

    it('answers 401 for unknown, revoked and expired keys', async () => {
      expectProblem(await t.http.get('/api/organizations').set(bearer(`ck_${'x'.repeat(40)}`)), 401, 'INVALID_API_KEY');
      const key = await createApiKey(t.http, tenant.admin, {
        grants: ['ALL_ORG_VIEW'],
        organizationIds: [tenant.organizationId],
      });
      await t.http.get('/api/organizations').set(bearer(key.secret)).expect(200);
      await t.db.query(`UPDATE api_key SET expires_at = now() - interval '1 second' WHERE id = $1`, [key.id]);
      // The expiry is written behind the API's back; a cached key would still pass for a few seconds.
      await t.http
        .post('/api/roles')
        .set(bearer(tenant.admin))
        .send({ name: `flush-${unique()}`, grants: [] })
        .expect(201);
      expectProblem(await t.http.get('/api/organizations').set(bearer(key.secret)), 401, 'API_KEY_EXPIRED');
    });
  });

  describe('GET /api/api-keys and DELETE /api/api-keys/:id', () => {
    it('lists keys without secrets, filters by status, and revokes: the key’s next request is a 401', async () => {
      const key = await createApiKey(t.http, tenant.admin, {
        grants: ['ALL_ORG_VIEW'],
        organizationIds: [tenant.organizationId],
      });
      await t.http.get('/api/organizations').set(bearer(key.secret)).expect(200);
      const listed = await t.http
        .get('/api/api-keys')
        .set(bearer(tenant.admin))
        .query({ status: 'ACTIVE' })
        .expect(200);
      expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(key.id);
      expect(JSON.stringify(listed.body)).not.toContain(key.secret);
      for (const item of listed.body.items as Array<Record<string, unknown>>) {
        expect(item).not.toHaveProperty('secret');
        expect(item).not.toHaveProperty('secretHash');
      }

      await t.http.delete(`/api/api-keys/${key.id}`).set(bearer(tenant.admin)).expect(204);
      expectProblem(await t.http.get('/api/organizations').set(bearer(key.secret)), 401, 'API_KEY_REVOKED');
      const revoked = await t.http
        .get('/api/api-keys')
        .set(bearer(tenant.admin))
        .query({ status: 'REVOKED' })
        .expect(200);
      expect(revoked.body.items).toContainEqual(expect.objectContaining({ id: key.id, status: 'REVOKED' }));
      const [audit] = await t.db.query(
        `SELECT actor_id FROM audit_entry WHERE entity_id = $1 AND action = 'api_key.revoked'`,
        [key.id],
      );
      expect(audit.actor_id).toBe(tenant.admin.userId);
      expectProblem(await t.http.delete(`/api/api-keys/${key.id}`).set(bearer(tenant.admin)), 404, 'API_KEY_NOT_FOUND');
    });

    it('hides keys of other tenants (404) and answers bad ids and params with 400', async () => {
      const key = await createApiKey(t.http, tenant.admin, {
        grants: ['ALL_ORG_VIEW'],
        organizationIds: [tenant.organizationId],
      });
      expectProblem(await t.http.delete(`/api/api-keys/${key.id}`).set(bearer(other.admin)), 404, 'API_KEY_NOT_FOUND');
      const theirs = await t.http.get('/api/api-keys').set(bearer(other.admin)).expect(200);
      expect(theirs.body.items.map((item: { id: string }) => item.id)).not.toContain(key.id);
      await t.http.get('/api/organizations').set(bearer(key.secret)).expect(200);
      expectProblem(await t.http.delete('/api/api-keys/123').set(bearer(tenant.admin)), 400, 'VALIDATION_FAILED', [
        'id',
      ]);
      expectProblem(
        await t.http.get('/api/api-keys').set(bearer(tenant.admin)).query({ status: 'LOST' }),
        400,
        'VALIDATION_FAILED',
        ['status'],
      );
    });

    it('hides keys reaching into organizations the actor does not manage', async () => {
      const both = await createApiKey(t.http, tenant.admin, {
        grants: ['ALL_ORG_VIEW'],
        organizationIds: [tenant.organizationId, secondOrganizationId],
      });
      const role = await t.http
        .post('/api/roles')
        .set(bearer(tenant.admin))
        .send({ name: `keys-${unique()}`, grants: ['API_KEYS_MANAGE'] })
        .expect(201);
      const keyManager = await memberWithRole(t.http, tenant, role.body.name);
      const listed = await t.http.get('/api/api-keys').set(bearer(keyManager)).query({ limit: 100 }).expect(200);
      expect(listed.body.items.map((item: { id: string }) => item.id)).not.toContain(both.id);
      expectProblem(await t.http.delete(`/api/api-keys/${both.id}`).set(bearer(keyManager)), 404, 'API_KEY_NOT_FOUND');
    });
  });
});
