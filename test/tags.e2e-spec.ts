import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createCrmWorld,
  createTestApp,
  type CrmRecords,
  crmRecords,
  expectProblem,
  memberWithRole,
  outboxEventTypes,
  type Session,
  type TenantFixture,
  type TestApp,
  unique,
} from '@clientele/testing';

describe('tags', () => {
  let t: TestApp;
  let crm: CrmRecords;
  let acme: TenantFixture;
  let globex: TenantFixture;
  let viewer: Session;
  let agent: Session;
  let manager: Session;
  /** An organization of acme's tenant where only acme's ADMIN is a member. */
  let branchId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const world = await createCrmWorld(t.http);
    ({ acme, globex, viewer, agent, manager, branchId } = world);
    crm = crmRecords(t.http, world);
  });
  afterAll(async () => {
    await t.close();
  });

  async function history(entityId: string): Promise<Array<{ action: string; before: unknown; after: unknown }>> {
    return t.db.query(`SELECT action, before, after FROM audit_entry WHERE entity_id = $1 ORDER BY created_at, id`, [
      entityId,
    ]);
  }

  describe('POST /api/tags', () => {
    it('creates a tag in the organization, stores it and records tag.created', async () => {
      const name = `VIP ${unique()}`;
      const response = await t.http
        .post('/api/tags')
        .set(bearer(manager))
        .send({ name: `  ${name} `, color: '#1f6feb', description: 'Most valued' });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        organizationId: acme.organizationId,
        name,
        color: '#1F6FEB',
        description: 'Most valued',
        version: 1,
      });
      expect(response.headers.etag).toBe('"1"');
      const [row] = await t.db.query(
        `SELECT tenant_id, organization_id, name, color, created_by FROM tag WHERE id = $1`,
        [response.body.id],
      );
      expect(row).toEqual({
        tenant_id: acme.tenantId,
        organization_id: acme.organizationId,
        name,
        color: '#1F6FEB',
        created_by: manager.userId,
      });
      const [entry] = await history(response.body.id);
      expect(entry).toMatchObject({ action: 'tag.created', before: null, after: { name, color: '#1F6FEB' } });
      expect(await outboxEventTypes(t.db, response.body.id)).toEqual(['tag.created']);
    });

    it('defaults the color', async () => {
      const response = await t.http
        .post('/api/tags')
        .set(bearer(acme.admin))
        .send({ name: `Plain ${unique()}`, organizationId: acme.organizationId });
      expect(response.status).toBe(201);
      expect(response.body.color).toBe('#6B7280');
    });

    it('answers bad input with 400 and field errors', async () => {
      const response = await t.http
        .post('/api/tags')
        .set(bearer(acme.admin))
        .send({ name: '', color: 'red', tenantId: globex.tenantId });
      expectProblem(response, 400, 'VALIDATION_FAILED', ['name', 'color', 'tenantId']);
      expectProblem(
        await t.http.post('/api/tags').set(bearer(acme.admin)).send({ name: 'x', organizationId: 'nope' }),
        400,
        'VALIDATION_FAILED',
        ['organizationId'],
      );
    });

    it('answers a name taken in the organization (any case) with 409 TAG_NAME_TAKEN; other organizations may reuse it', async () => {
      const name = `Partner ${unique()}`;
      await crm.createTag(acme.admin, { name });
      expectProblem(
        await t.http
          .post('/api/tags')
          .set(bearer(acme.admin))
          .send({ name: name.toUpperCase(), organizationId: acme.organizationId }),
        409,
        'TAG_NAME_TAKEN',
      );
      await crm.createTag(acme.admin, { name }, branchId);
      await crm.createTag(globex.admin, { name });
    });

    it('is refused to a VIEWER and an AGENT (403)', async () => {
      expectProblem(
        await t.http
          .post('/api/tags')
          .set(bearer(viewer))
          .send({ name: `V ${unique()}` }),
        403,
        'FORBIDDEN',
      );
      expectProblem(
        await t.http
          .post('/api/tags')
          .set(bearer(agent))
          .send({ name: `A ${unique()}` }),
        403,
        'FORBIDDEN',
      );
    });

    it('refuses an organization the user is not a member of with 404', async () => {
      const response = await t.http
        .post('/api/tags')
        .set(bearer(manager))
        .send({ name: `X ${unique()}`, organizationId: branchId });
      expectProblem(response, 404, 'ORGANIZATION_NOT_FOUND');
      const foreign = await t.http
        .post('/api/tags')
        .set(bearer(acme.admin))
        .send({ name: `X ${unique()}`, organizationId: globex.organizationId });
      expectProblem(foreign, 404, 'ORGANIZATION_NOT_FOUND');
    });
  });

  describe('GET /api/tags', () => {
    it('lists the organization tags by name with q and cursor paging', async () => {
      const prefix = `Zeta${unique()}`;
      for (const suffix of ['c', 'a', 'b']) await crm.createTag(acme.admin, { name: `${prefix}-${suffix}` });
      await crm.createTag(globex.admin, { name: `${prefix}-foreign` });

      const first = await t.http.get(`/api/tags?q=${prefix}&limit=2`).set(bearer(viewer));
      expect(first.status).toBe(200);
      expect(first.body.total).toBe(3);
      expect(first.body.items.map((tag: { name: string }) => tag.name)).toEqual([`${prefix}-a`, `${prefix}-b`]);
      const second = await t.http
        .get(`/api/tags?q=${prefix}&limit=2&cursor=${first.body.nextCursor as string}`)
        .set(bearer(viewer));
      expect(second.body.items.map((tag: { name: string }) => tag.name)).toEqual([`${prefix}-c`]);
      expect(second.body.nextCursor).toBeNull();
    });

    it('rejects bad paging with 400', async () => {
      expectProblem(await t.http.get('/api/tags?limit=0').set(bearer(viewer)), 400, 'VALIDATION_FAILED', ['limit']);
      expectProblem(await t.http.get('/api/tags?sort=color').set(bearer(viewer)), 400, 'VALIDATION_FAILED', ['sort']);
    });

    it('is refused to a GUEST (403)', async () => {
      const guest = await memberWithRole(t.http, acme, 'GUEST');
      expectProblem(await t.http.get('/api/tags').set(bearer(guest)), 403, 'FORBIDDEN');
    });
  });

  describe('GET /api/tags/:id', () => {
    it('returns a tag of a visible organization', async () => {
      const { id } = await crm.createTag(acme.admin, { name: `One ${unique()}` });
      const response = await t.http.get(`/api/tags/${id}`).set(bearer(viewer));
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id, organizationId: acme.organizationId });
    });

    it('answers 404 for another tenant, for a non-member organization, and 400 for a bad id', async () => {
      const { id: foreign } = await crm.createTag(globex.admin, { name: `F ${unique()}` });
      expectProblem(await t.http.get(`/api/tags/${foreign}`).set(bearer(acme.admin)), 404, 'TAG_NOT_FOUND');
      const { id: branchTag } = await crm.createTag(acme.admin, { name: `B ${unique()}` }, branchId);
      expectProblem(await t.http.get(`/api/tags/${branchTag}`).set(bearer(manager)), 404, 'TAG_NOT_FOUND');
      expectProblem(await t.http.get('/api/tags/not-a-uuid').set(bearer(manager)), 400, 'VALIDATION_FAILED', ['id']);
    });
  });

  describe('PATCH /api/tags/:id', () => {
    it('changes the fields sent and records before and after', async () => {
      const { id } = await crm.createTag(acme.admin, { name: `Old ${unique()}`, description: 'keep me' });
      const name = `New ${unique()}`;
      const response = await t.http.patch(`/api/tags/${id}`).set(bearer(manager)).send({ name, color: '#00AA00' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ name, color: '#00AA00', description: 'keep me', version: 2 });
      const [row] = await t.db.query(`SELECT name, updated_by FROM tag WHERE id = $1`, [id]);
      expect(row).toEqual({ name, updated_by: manager.userId });
      const updated = (await history(id)).find((entry) => entry.action === 'tag.updated');
      expect(updated).toMatchObject({ before: { color: '#6B7280' }, after: { name, color: '#00AA00' } });
      expect(await outboxEventTypes(t.db, id)).toEqual(['tag.created', 'tag.updated']);
    });

    it('answers 400 for bad values and null name, 403 for a VIEWER, 404 for another tenant, 409 for a taken name', async () => {
      const { id } = await crm.createTag(acme.admin, { name: `P ${unique()}` });
      expectProblem(
        await t.http.patch(`/api/tags/${id}`).set(bearer(acme.admin)).send({ name: null, color: '#12' }),
        400,
        'VALIDATION_FAILED',
        ['name', 'color'],
      );
      expectProblem(await t.http.patch(`/api/tags/${id}`).set(bearer(viewer)).send({ name: 'x' }), 403, 'FORBIDDEN');
      expectProblem(
        await t.http.patch(`/api/tags/${id}`).set(bearer(globex.admin)).send({ name: 'x' }),
        404,
        'TAG_NOT_FOUND',
      );
      const other = `Taken ${unique()}`;
      await crm.createTag(acme.admin, { name: other });
      expectProblem(
        await t.http.patch(`/api/tags/${id}`).set(bearer(acme.admin)).send({ name: other.toLowerCase() }),
        409,
        'TAG_NAME_TAKEN',
      );
    });

    it('answers a stale If-Match with 412', async () => {
      const { id } = await crm.createTag(acme.admin, { name: `E ${unique()}` });
      expectProblem(
        await t.http.patch(`/api/tags/${id}`).set(bearer(acme.admin)).set('If-Match', '"7"').send({ color: '#000000' }),
        412,
        'PRECONDITION_FAILED',
      );
    });
  });

  describe('DELETE /api/tags/:id', () => {
    it('soft-deletes the tag, records tag.deleted and frees the name', async () => {
      const name = `Gone ${unique()}`;
      const { id } = await crm.createTag(acme.admin, { name });
      await t.http.delete(`/api/tags/${id}`).set(bearer(manager)).expect(204);
      const [row] = await t.db.query(`SELECT deleted_at FROM tag WHERE id = $1`, [id]);
      expect(row.deleted_at).not.toBeNull();
      expect(await outboxEventTypes(t.db, id)).toEqual(['tag.created', 'tag.deleted']);
      expectProblem(await t.http.get(`/api/tags/${id}`).set(bearer(manager)), 404, 'TAG_NOT_FOUND');
      await crm.createTag(acme.admin, { name });
    });

    it('disappears from the contacts and customers it was on', async () => {
      const { id } = await crm.createTag(acme.admin, { name: `Fleeting ${unique()}` });
      const contact = await t.http
        .post('/api/crm/contacts')
        .set(bearer(manager))
        .send({ firstName: 'Tagged', tagIds: [id] })
        .expect(201);
      const customer = await t.http
        .post('/api/crm/customers')
        .set(bearer(manager))
        .send({ name: `Tagged ${unique()}`, tags: [{ id }] })
        .expect(201);
      expect(contact.body.tags).toEqual([expect.objectContaining({ id })]);
      await t.http.delete(`/api/tags/${id}`).set(bearer(manager)).expect(204);
      const contactAfter = await t.http.get(`/api/crm/contacts/${contact.body.id as string}`).set(bearer(manager));
      expect(contactAfter.body.tags).toEqual([]);
      const customerAfter = await t.http.get(`/api/crm/customers/${customer.body.id as string}`).set(bearer(manager));
      expect(customerAfter.body.tags).toEqual([]);
      const filtered = await t.http.get(`/api/crm/contacts?tag=${id}`).set(bearer(manager));
      expect(filtered.body.total).toBe(0);
    });

    it('answers 403 for an AGENT and 404 for another tenant', async () => {
      const { id } = await crm.createTag(acme.admin, { name: `Keep ${unique()}` });
      expectProblem(await t.http.delete(`/api/tags/${id}`).set(bearer(agent)), 403, 'FORBIDDEN');
      expectProblem(await t.http.delete(`/api/tags/${id}`).set(bearer(globex.admin)), 404, 'TAG_NOT_FOUND');
      const [row] = await t.db.query(`SELECT deleted_at FROM tag WHERE id = $1`, [id]);
      expect(row.deleted_at).toBeNull();
    });
  });

  describe('organizations with CRM switched off', () => {
    it('answer 404 CRM_DISABLED when named, and their tags are invisible', async () => {
      const created = await t.http
        .post('/api/organizations')
        .set(bearer(acme.admin))
        .send({ name: `Off ${unique()}` })
        .expect(201);
      const offId = created.body.id as string;
      const { id: tagId } = await crm.createTag(acme.admin, { name: `Off ${unique()}` }, offId);
      await t.http
        .patch(`/api/organizations/${offId}/settings`)
        .set(bearer(acme.admin))
        .send({ crmEnabled: false })
        .expect(200);
      expectProblem(await t.http.get(`/api/tags?organizationId=${offId}`).set(bearer(acme.admin)), 404, 'CRM_DISABLED');
      expectProblem(
        await t.http.post('/api/tags').set(bearer(acme.admin)).set('X-Organization-Id', offId).send({ name: 'x' }),
        404,
        'CRM_DISABLED',
      );
      expectProblem(await t.http.get(`/api/tags/${tagId}`).set(bearer(acme.admin)), 404, 'TAG_NOT_FOUND');
      const all = await t.http.get('/api/tags?limit=100').set(bearer(acme.admin));
      expect(all.body.items.map((tag: { id: string }) => tag.id)).not.toContain(tagId);
    });
  });
});
