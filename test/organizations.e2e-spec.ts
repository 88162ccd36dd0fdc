import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createTestApp,
  expectProblem,
  login,
  memberWithRole,
  signupTenant,
  TEST_PASSWORD,
  type TenantFixture,
  type TestApp,
  unique,
} from '@clientele/testing';

describe('organizations', () => {
  let t: TestApp;
  let acme: TenantFixture;
  let globex: TenantFixture;

  beforeAll(async () => {
    t = await createTestApp();
    acme = await signupTenant(t.http);
    globex = await signupTenant(t.http);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('GET /api/organizations', () => {
    it('lists only the organizations the user belongs to, with settings', async () => {
      const response = await t.http.get('/api/organizations').set(bearer(acme.admin));
      expect(response.status).toBe(200);
      expect(response.body.total).toBe(1);
      expect(response.body.items).toEqual([
        expect.objectContaining({
          id: acme.organizationId,
          settings: {
            crmEnabled: true,
            contactStatuses: ['Prospect', 'Active', 'Churned'],
            defaultCurrency: 'GBP',
            invoicePrefix: 'INV',
            requireLostReason: false,
          },
        }),
      ]);
    });

    it('rejects a limit over 100 and an unknown sort with 400', async () => {
      expectProblem(
        await t.http.get('/api/organizations?limit=101').set(bearer(acme.admin)),
        400,
        'VALIDATION_FAILED',
        ['limit'],
      );
      expectProblem(
        await t.http.get('/api/organizations?sort=-password').set(bearer(acme.admin)),
        400,
        'VALIDATION_FAILED',
        ['sort'],
      );
      expectProblem(
        await t.http.get('/api/organizations?offset=10001').set(bearer(acme.admin)),
        400,
        'VALIDATION_FAILED',
        ['offset'],
      );
    });

    it('requires authentication', async () => {
      expectProblem(await t.http.get('/api/organizations'), 401, 'UNAUTHORIZED');
    });
  });

  describe('POST /api/organizations', () => {
    it('creates an organization in the caller tenant with the caller as ADMIN, audited', async () => {
      const name = `Branch ${unique()}`;
      const response = await t.http
        .post('/api/organizations')
        .set(bearer(acme.admin))
        .send({ name, settings: { defaultCurrency: 'EUR', contactStatuses: ['New', 'Won'] } });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        name,
        settings: { defaultCurrency: 'EUR', contactStatuses: ['New', 'Won'] },
      });
      const [row] = await t.db.query(
        `SELECT o.tenant_id, r.name AS role FROM organization o
           JOIN membership m ON m.organization_id = o.id JOIN role r ON r.id = m.role_id WHERE o.id = $1`,
        [response.body.id],
      );
      expect(row).toEqual({ tenant_id: acme.tenantId, role: 'ADMIN' });
      const events = await t.db.query(`SELECT type FROM outbox_event WHERE organization_id = $1 ORDER BY position`, [
        response.body.id,
      ]);
      // The pipelines module gives every new organization its default pipeline in the same transaction.
      expect(events.map((event: { type: string }) => event.type)).toEqual([
        'organization.created',
        'organization.member_added',
        'pipeline.created',
      ]);
    });

    it('ignores a tenantId in the body: unknown fields are a 400 and nothing is written', async () => {
      const name = `Sneaky ${unique()}`;
      const response = await t.http
        .post('/api/organizations')
        .set(bearer(acme.admin))
        .send({ name, tenantId: globex.tenantId });
      expectProblem(response, 400, 'VALIDATION_FAILED', ['tenantId']);
      const rows = await t.db.query(`SELECT id FROM organization WHERE name = $1`, [name]);
      expect(rows).toHaveLength(0);
    });

    it('replays a retry with the same Idempotency-Key instead of creating a second row', async () => {
      const key = `create-org-${unique()}`;
      const body = { name: `Idem ${unique()}` };
      const first = await t.http
        .post('/api/organizations')
        .set(bearer(acme.admin))
        .set('Idempotency-Key', key)
        .send(body);
      expect(first.status).toBe(201);
      const retry = await t.http
        .post('/api/organizations')
        .set(bearer(acme.admin))
        .set('Idempotency-Key', key)
        .send(body);
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body).toEqual(first.body);
      const rows = await t.db.query(`SELECT id FROM organization WHERE name = $1`, [body.name]);
      expect(rows).toEqual([{ id: first.body.id }]);
      const other = await t.http
        .post('/api/organizations')
        .set(bearer(acme.admin))
        .set('Idempotency-Key', key)
        .send({ name: 'Another body' });
      expectProblem(other, 422, 'IDEMPOTENCY_KEY_REUSED');
      expect(other.body).toMatchObject({
        title: 'Unprocessable content',
        detail: 'This Idempotency-Key was used with another request body.',
      });
      // A failed request does not burn its key.
      const failKey = `fail-${unique()}`;
      expectProblem(
        await t.http
          .post('/api/organizations')
          .set(bearer(acme.admin))
          .set('Idempotency-Key', failKey)
          .send({ name: body.name }),
        409,
        'ORGANIZATION_NAME_TAKEN',
      );
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM idempotency_key WHERE key = $1`, [failKey]);
      expect(n).toBe(0);
    });

    it('replays an update with its status, body and ETag, and keeps nothing for reads or bad keys', async () => {
      const created = await t.http
        .post('/api/organizations')
        .set(bearer(acme.admin))
        .send({ name: `Idem patch ${unique()}` });
      expect(created.status).toBe(201);
      const id = (created.body as { id: string }).id;
      const key = `patch-org-${unique()}`;
      const rename = { name: `Idem renamed ${unique()}` };
      const patch = () =>
        t.http.patch(`/api/organizations/${id}`).set(bearer(acme.admin)).set('Idempotency-Key', key).send(rename);
      const first = await patch();
      expect(first.status).toBe(200);
      expect(first.headers.etag).toBe('"2"');
      const retry = await patch();
      expect(retry.status).toBe(200);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.headers.etag).toBe('"2"');
      expect(retry.body).toEqual(first.body);
      const [{ version }] = await t.db.query(`SELECT version FROM organization WHERE id = $1`, [id]);
      expect(version).toBe(2);
      const [stored] = await t.db.query(`SELECT status_code, response FROM idempotency_key WHERE key = $1`, [key]);
      expect(stored).toEqual({ status_code: 200, response: first.body });

      const readKey = `read-${unique()}`;
      await t.http.get(`/api/organizations/${id}`).set(bearer(acme.admin)).set('Idempotency-Key', readKey).expect(200);
      expect(await t.db.query(`SELECT key FROM idempotency_key WHERE key = $1`, [readKey])).toEqual([]);
      expectProblem(
        await t.http
          .patch(`/api/organizations/${id}`)
          .set(bearer(acme.admin))
          .set('Idempotency-Key', 'not a key!')
          .send({ name: 'Never stored' }),
        400,
        'VALIDATION_FAILED',
        ['Idempotency-Key'],
      );
    });

    it('answers a duplicate name in the tenant with 409 ORGANIZATION_NAME_TAKEN', async () => {
      const name = `Dup ${unique()}`;
      await t.http.post('/api/organizations').set(bearer(acme.admin)).send({ name }).expect(201);
      expectProblem(
        await t.http.post('/api/organizations').set(bearer(acme.admin)).send({ name: name.toUpperCase() }),
        409,
        'ORGANIZATION_NAME_TAKEN',
      );
      // Another tenant may use the same name.
      await t.http.post('/api/organizations').set(bearer(globex.admin)).send({ name }).expect(201);
    });

    it('validates settings', async () => {
      const response = await t.http
        .post('/api/organizations')
        .set(bearer(acme.admin))
        .send({ name: 'x', settings: { defaultCurrency: 'EURO', contactStatuses: [] } });
      expectProblem(response, 400, 'VALIDATION_FAILED', ['settings.defaultCurrency', 'settings.contactStatuses']);
    });

    it('is forbidden to a MANAGER (403)', async () => {
      const manager = await memberWithRole(t.http, acme, 'MANAGER');
      expectProblem(
        await t.http.post('/api/organizations').set(bearer(manager)).send({ name: 'Nope' }),
        403,
        'FORBIDDEN',
      );
    });
  });

  describe('GET/PATCH /api/organizations/:id and settings', () => {
    it('renames and changes settings, recording before and after', async () => {
      const response = await t.http
        .patch(`/api/organizations/${acme.organizationId}`)
        .set(bearer(acme.admin))
        .send({ name: 'Acme Renamed', settings: { crmEnabled: true, invoicePrefix: 'ACME' } });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ name: 'Acme Renamed', settings: { invoicePrefix: 'ACME' }, version: 2 });
      const [audit] = await t.db.query(
        `SELECT actor_id, before->>'name' AS before_name, after->>'name' AS after_name
           FROM audit_entry WHERE action = 'organization.updated' AND entity_id = $1`,
        [acme.organizationId],
      );
      expect(audit).toMatchObject({ actor_id: acme.admin.userId, after_name: 'Acme Renamed' });
      expect(audit.before_name).not.toBe('Acme Renamed');
    });

    it('PATCH settings changes only what is sent', async () => {
      const response = await t.http
        .patch(`/api/organizations/${acme.organizationId}/settings`)
        .set(bearer(acme.admin))
        .send({ contactStatuses: ['Prospect', 'Active', 'Churned', 'On hold'] });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        contactStatuses: ['Prospect', 'Active', 'Churned', 'On hold'],
        invoicePrefix: 'ACME',
      });
      const settings = await t.http.get(`/api/organizations/${acme.organizationId}/settings`).set(bearer(acme.admin));
      expect(settings.body.contactStatuses).toContain('On hold');
    });

    it('a VIEWER can read but gets 403 patching', async () => {
      const viewer = await memberWithRole(t.http, acme, 'VIEWER');
      await t.http.get(`/api/organizations/${acme.organizationId}`).set(bearer(viewer)).expect(200);
      expectProblem(
        await t.http.patch(`/api/organizations/${acme.organizationId}`).set(bearer(viewer)).send({ name: 'Hacked' }),
        403,
        'FORBIDDEN',
      );
      const [row] = await t.db.query(`SELECT name FROM organization WHERE id = $1`, [acme.organizationId]);
      expect(row.name).not.toBe('Hacked');
    });

    it("another tenant's organization is a 404, for reading and writing", async () => {
      expectProblem(
        await t.http.get(`/api/organizations/${acme.organizationId}`).set(bearer(globex.admin)),
        404,
        'ORGANIZATION_NOT_FOUND',
      );
      expectProblem(
        await t.http
          .patch(`/api/organizations/${acme.organizationId}`)
          .set(bearer(globex.admin))
          .send({ name: 'Mine' }),
        404,
        'ORGANIZATION_NOT_FOUND',
      );
      expectProblem(
        await t.http.get(`/api/organizations/${acme.organizationId}/members`).set(bearer(globex.admin)),
        404,
        'ORGANIZATION_NOT_FOUND',
      );
    });

    it('naming a non-member organization in X-Organization-Id is a 404; a malformed one a 400', async () => {
      expectProblem(
        await t.http.get('/api/organizations').set(bearer(globex.admin)).set('X-Organization-Id', acme.organizationId),
        404,
        'ORGANIZATION_NOT_FOUND',
      );
      expectProblem(
        await t.http.get('/api/organizations').set(bearer(globex.admin)).set('X-Organization-Id', 'nope'),
        400,
        'VALIDATION_FAILED',
        ['organizationId'],
      );
    });

    it('checks every organization a request names: a non-member X-Organization-Id is a 404 even beside a member one', async () => {
      const own = globex.organizationId;
      expectProblem(
        await t.http
          .get(`/api/crm/contacts?organizationId=${own}`)
          .set(bearer(globex.admin))
          .set('X-Organization-Id', acme.organizationId),
        404,
        'ORGANIZATION_NOT_FOUND',
      );
      const before = await t.db.query(`SELECT count(*)::int AS n FROM contact WHERE tenant_id = $1`, [globex.tenantId]);
      expectProblem(
        await t.http
          .post('/api/crm/contacts')
          .set(bearer(globex.admin))
          .set('X-Organization-Id', acme.organizationId)
          .send({ firstName: 'Two', lastName: 'Names', organizationId: own }),
        404,
        'ORGANIZATION_NOT_FOUND',
      );
      const after = await t.db.query(`SELECT count(*)::int AS n FROM contact WHERE tenant_id = $1`, [globex.tenantId]);
      expect(after).toEqual(before);
      // Naming the same member organization twice is fine.
      await t.http
        .get(`/api/crm/contacts?organizationId=${own}`)
        .set(bearer(globex.admin))
        .set('X-Organization-Id', own)
        .expect(200);
    });

    it('carries an ETag and answers a stale If-Match with 412, writing nothing', async () => {
      const created = await t.http
        .post('/api/organizations')
        .set(bearer(acme.admin))
        .send({ name: `Etag ${unique()}` })
        .expect(201);
      expect(created.headers.etag).toBe('"1"');
      const fetched = await t.http.get(`/api/organizations/${created.body.id}`).set(bearer(acme.admin));
      expect(fetched.headers.etag).toBe('"1"');
      const updated = await t.http
        .patch(`/api/organizations/${created.body.id}`)
        .set(bearer(acme.admin))
        .set('If-Match', '"1"')
        .send({ name: `Etag renamed ${unique()}` });
      expect(updated.status).toBe(200);
      expect(updated.headers.etag).toBe('"2"');
      const stale = await t.http
        .patch(`/api/organizations/${created.body.id}`)
        .set(bearer(acme.admin))
        .set('If-Match', '"1"')
        .send({ name: 'Lost update' });
      expectProblem(stale, 412, 'PRECONDITION_FAILED');
      const [row] = await t.db.query(`SELECT name, version FROM organization WHERE id = $1`, [created.body.id]);
      expect(row).toEqual({ name: updated.body.name, version: 2 });
      expectProblem(
        await t.http
          .patch(`/api/organizations/${created.body.id}`)
          .set(bearer(acme.admin))
          .set('If-Match', 'garbage')
          .send({ name: 'x' }),
        400,
        'VALIDATION_FAILED',
        ['If-Match'],
      );
    });

    it('a malformed id is a 400 naming the parameter', async () => {
      expectProblem(
        await t.http.get('/api/organizations/not-a-uuid').set(bearer(acme.admin)),
        400,
        'VALIDATION_FAILED',
        ['id'],
      );
    });
  });

  describe('members', () => {
    it('adds a new user with a role, who can then log in and see the organization', async () => {
      const email = `new-${unique()}@example.test`;
      const response = await t.http
        .post(`/api/organizations/${acme.organizationId}/members`)
        .set(bearer(acme.admin))
        .send({ email, password: TEST_PASSWORD, firstName: 'Nia', lastName: 'New', role: 'agent' });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        email,
        role: 'AGENT',
        organizationId: acme.organizationId,
        name: 'Nia New',
      });
      const session = await login(t.http, email);
      const me = await t.http.get('/api/auth/me').set(bearer(session));
      expect(me.body.tenant.id).toBe(acme.tenantId);
      expect(me.body.memberships).toEqual([
        expect.objectContaining({ organizationId: acme.organizationId, role: 'AGENT' }),
      ]);
    });

    it('answers an e-mail already in use alike whether its user is in this tenant or another (no enumeration)', async () => {
      const add = (email: string) =>
        t.http
          .post(`/api/organizations/${acme.organizationId}/members`)
          .set(bearer(acme.admin))
          .send({ email, password: TEST_PASSWORD, firstName: 'Eve', lastName: 'Probe', role: 'VIEWER' });
      const otherTenants = await add(globex.admin.email.toUpperCase());
      const ownTenants = await add(acme.admin.email);
      expectProblem(otherTenants, 409, 'EMAIL_UNAVAILABLE');
      expectProblem(ownTenants, 409, 'EMAIL_UNAVAILABLE');
      const strip = (body: Record<string, unknown>) => ({ ...body, instance: undefined });
      expect(strip(otherTenants.body)).toEqual(strip(ownTenants.body));
      expect(JSON.stringify(otherTenants.body).toLowerCase()).not.toContain(globex.admin.email.toLowerCase());
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM app_user WHERE lower(email) = lower($1)`, [
        globex.admin.email,
      ]);
      expect(n).toBe(1);
    });

    it('adds an existing user of the tenant to a second organization', async () => {
      const second = await t.http
        .post('/api/organizations')
        .set(bearer(acme.admin))
        .send({ name: `Second ${unique()}` })
        .expect(201);
      const viewer = await memberWithRole(t.http, acme, 'VIEWER');
      const response = await t.http
        .post(`/api/organizations/${second.body.id}/members`)
        .set(bearer(acme.admin))
        .send({ userId: viewer.userId, role: 'MANAGER' });
      expect(response.status).toBe(201);
      const me = await t.http.get('/api/auth/me').set(bearer(viewer));
      expect(me.body.memberships.map((m: { role: string }) => m.role).sort()).toEqual(['MANAGER', 'VIEWER']);
      expectProblem(
        await t.http
          .post(`/api/organizations/${second.body.id}/members`)
          .set(bearer(acme.admin))
          .send({ userId: viewer.userId, role: 'VIEWER' }),
        409,
        'ALREADY_MEMBER',
      );
    });

    it("cannot add another tenant's user (404) or an unknown role (400)", async () => {
      expectProblem(
        await t.http
          .post(`/api/organizations/${acme.organizationId}/members`)
          .set(bearer(acme.admin))
          .send({ userId: globex.admin.userId, role: 'VIEWER' }),
        404,
        'USER_NOT_FOUND',
      );
      expectProblem(
        await t.http
          .post(`/api/organizations/${acme.organizationId}/members`)
          .set(bearer(acme.admin))
          .send({
            email: `x-${unique()}@example.test`,
            password: TEST_PASSWORD,
            firstName: 'X',
            lastName: 'Y',
            role: 'OWNER',
          }),
        400,
        'ROLE_NOT_FOUND',
        ['role'],
      );
      expectProblem(
        await t.http
          .post(`/api/organizations/${acme.organizationId}/members`)
          .set(bearer(acme.admin))
          .send({ role: 'VIEWER' }),
        400,
        'VALIDATION_FAILED',
        ['email', 'password', 'firstName', 'lastName'],
      );
    });

    it('lists members with their roles (VIEWER may, GUEST may not)', async () => {
      const guest = await memberWithRole(t.http, acme, 'GUEST');
      const viewer = await memberWithRole(t.http, acme, 'VIEWER');
      const response = await t.http
        .get(`/api/organizations/${acme.organizationId}/members?limit=100`)
        .set(bearer(viewer));
      expect(response.status).toBe(200);
      expect(response.body.items).toEqual(
        expect.arrayContaining([expect.objectContaining({ userId: acme.admin.userId, role: 'ADMIN' })]),
      );
      expect(response.body.total).toBe(response.body.items.length);
      expectProblem(
        await t.http.get(`/api/organizations/${acme.organizationId}/members`).set(bearer(guest)),
        403,
        'FORBIDDEN',
      );
    });

    it('validates a role change: a role is required, unknown fields and bad ids are refused', async () => {
      const member = await memberWithRole(t.http, acme, 'VIEWER');
      const path = `/api/organizations/${acme.organizationId}/members/${member.userId}`;
      expectProblem(await t.http.patch(path).set(bearer(acme.admin)).send({}), 400, 'VALIDATION_FAILED', ['role']);
      expectProblem(
        await t.http.patch(path).set(bearer(acme.admin)).send({ role: 'AGENT', userId: acme.admin.userId }),
        400,
        'VALIDATION_FAILED',
        ['userId'],
      );
      expectProblem(
        await t.http.patch(path).set(bearer(acme.admin)).send({ roleId: 'nope' }),
        400,
        'VALIDATION_FAILED',
        ['roleId'],
      );
      const [row] = await t.db.query(
        `SELECT r.name FROM membership m JOIN role r ON r.id = m.role_id
          WHERE m.user_id = $1 AND m.organization_id = $2 AND m.deleted_at IS NULL`,
        [member.userId, acme.organizationId],
      );
      expect(row).toEqual({ name: 'VIEWER' });
    });

    it("a role change applies on the member's very next request", async () => {
      const member = await memberWithRole(t.http, acme, 'VIEWER');
      expectProblem(
        await t.http
          .get(`/api/organizations/${acme.organizationId}/members`)
          .set(bearer(await memberWithRole(t.http, acme, 'GUEST'))),
        403,
        'FORBIDDEN',
      );
      await t.http
        .patch(`/api/organizations/${acme.organizationId}/members/${member.userId}`)
        .set(bearer(acme.admin))
        .send({ role: 'GUEST' })
        .expect(200);
      expectProblem(
        await t.http.get(`/api/organizations/${acme.organizationId}/members`).set(bearer(member)),
        403,
        'FORBIDDEN',
      );
    });

    it('removing a member hides the organization from them at once; the last ADMIN stays', async () => {
      const member = await memberWithRole(t.http, acme, 'MANAGER');
      await t.http.get(`/api/organizations/${acme.organizationId}`).set(bearer(member)).expect(200);
      await t.http
        .delete(`/api/organizations/${acme.organizationId}/members/${member.userId}`)
        .set(bearer(acme.admin))
        .expect(204);
      expectProblem(
        await t.http.get(`/api/organizations/${acme.organizationId}`).set(bearer(member)),
        404,
        'ORGANIZATION_NOT_FOUND',
      );
      const [row] = await t.db.query(`SELECT deleted_at FROM membership WHERE user_id = $1 AND organization_id = $2`, [
        member.userId,
        acme.organizationId,
      ]);
      expect(row.deleted_at).not.toBeNull();
      expectProblem(
        await t.http
          .delete(`/api/organizations/${acme.organizationId}/members/${acme.admin.userId}`)
          .set(bearer(acme.admin)),
        409,
        'LAST_ADMIN',
      );
      expectProblem(
        await t.http
          .patch(`/api/organizations/${acme.organizationId}/members/${acme.admin.userId}`)
          .set(bearer(acme.admin))
          .send({ role: 'VIEWER' }),
        409,
        'LAST_ADMIN',
      );
    });

    it('an AGENT cannot manage members (403)', async () => {
      const agent = await memberWithRole(t.http, acme, 'AGENT');
      expectProblem(
        await t.http
          .post(`/api/organizations/${acme.organizationId}/members`)
          .set(bearer(agent))
          .send({ userId: agent.userId, role: 'ADMIN' }),
        403,
        'FORBIDDEN',
      );
    });
  });
});
