import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCrmWorld,
  createTestApp,
  crmRecords,
  type CrmRecords,
  type CrmWorld,
  expectProblem,
  outboxEventTypes,
  requestsIn,
  type Session,
  type TestApp,
  unique,
} from '@clientele/testing';

interface ProjectRecord {
  id: string;
  organizationId: string;
  name: string;
  description: string | null;
  status: string;
  customerId: string | null;
  contacts: Array<{ id: string; name: string; email: string | null }>;
  version: number;
}

interface ProjectPage {
  items: ProjectRecord[];
  total: number;
}

describe('projects', () => {
  let t: TestApp;
  let world: CrmWorld;
  let records: CrmRecords;

  const as = (session: Session, organizationId?: string) => requestsIn(t.http, world, session, organizationId);

  beforeAll(async () => {
    t = await createTestApp();
    world = await createCrmWorld(t.http);
    records = crmRecords(t.http, world);
  });
  afterAll(async () => {
    await t.close();
  });

  async function row(projectId: string): Promise<Record<string, unknown> | undefined> {
    const [stored] = await t.db.query(
      `SELECT tenant_id, organization_id, customer_id, name, description, status, deleted_at, version
         FROM project WHERE id = $1`,
      [projectId],
    );
    return stored as Record<string, unknown> | undefined;
  }

  async function links(
    projectId: string,
  ): Promise<Array<{ tenant_id: string; organization_id: string; contact_id: string }>> {
    return t.db.query(
      `SELECT tenant_id, organization_id, contact_id FROM project_contact WHERE project_id = $1 ORDER BY contact_id`,
      [projectId],
    );
  }

  async function lastEventData(projectId: string): Promise<{ data: unknown; previous: unknown }> {
    const [event] = await t.db.query(
      `SELECT data, previous FROM outbox_event WHERE entity_id = $1 ORDER BY position DESC LIMIT 1`,
      [projectId],
    );
    return event as { data: unknown; previous: unknown };
  }

  async function createProject(
    body: Record<string, unknown> = {},
    session: Session = world.acme.admin,
  ): Promise<ProjectRecord> {
    const response = await as(session).post('/api/projects', { name: `Migration ${unique()}`, ...body });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as ProjectRecord;
  }

  const byName = <T extends { name: string; id: string }>(items: T[]): string[] =>
    [...items].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)).map((item) => item.id);

  describe('POST /api/projects', () => {
    it('starts a project with its customer and contacts, stores the links, and publishes project.created', async () => {
      const customer = await records.createCustomer(world.acme.admin);
      const ada = await records.createContact(world.acme.admin);
      const bob = await records.createContact(world.acme.admin);
      const project = await createProject({
        name: '  Office move ',
        description: 'Second floor',
        status: 'ACTIVE',
        customerId: customer.id,
        contactIds: [ada.id, bob.id, ada.id.toUpperCase()],
      });
      expect(project).toMatchObject({
        organizationId: world.acme.organizationId,
        name: 'Office move',
        description: 'Second floor',
        status: 'ACTIVE',
        customerId: customer.id,
        version: 1,
      });
      expect(project.contacts.map((contact) => contact.id)).toEqual(byName([ada, bob]));
      expect(project.contacts).toContainEqual({ id: ada.id, name: ada.name, email: ada.email });
      expect(await row(project.id)).toMatchObject({
        tenant_id: world.acme.tenantId,
        organization_id: world.acme.organizationId,
        customer_id: customer.id,
        name: 'Office move',
        status: 'ACTIVE',
        deleted_at: null,
      });
      expect(await links(project.id)).toEqual(
        [ada.id, bob.id].sort().map((contactId) => ({
          tenant_id: world.acme.tenantId,
          organization_id: world.acme.organizationId,
          contact_id: contactId,
        })),
      );
      expect(await outboxEventTypes(t.db, project.id)).toEqual(['project.created']);
      expect((await lastEventData(project.id)).data).toMatchObject({ contactIds: [ada.id, bob.id].sort() });
    });

    it('defaults to PLANNED with no customer and no contacts', async () => {
      const project = await createProject();
      expect(project).toMatchObject({ status: 'PLANNED', customerId: null, description: null, contacts: [] });
    });

    it('answers 400 with the field for a bad body, and writes nothing', async () => {
      const admin = as(world.acme.admin);
      const name = `Refused ${unique()}`;
      expectProblem(await admin.post('/api/projects', {}), 400, 'VALIDATION_FAILED', ['name']);
      expectProblem(await admin.post('/api/projects', { name, status: 'DONE' }), 400, 'VALIDATION_FAILED', ['status']);
      expectProblem(await admin.post('/api/projects', { name, contactIds: ['x'] }), 400, 'VALIDATION_FAILED', [
        'contactIds',
      ]);
      expectProblem(await admin.post('/api/projects', { name, contactIds: null }), 400, 'VALIDATION_FAILED', [
        'contactIds',
      ]);
      expectProblem(await admin.post('/api/projects', { name, customerId: 'nope' }), 400, 'VALIDATION_FAILED', [
        'customerId',
      ]);
      expectProblem(await admin.post('/api/projects', { name, owner: 'me' }), 400, 'VALIDATION_FAILED');
      expect(await t.db.query(`SELECT 1 FROM project WHERE name = $1`, [name])).toEqual([]);
    });

    it("answers 404 naming the field for another organization's or tenant's customer or contact, and writes nothing", async () => {
      const admin = as(world.acme.admin);
      const foreignCustomer = await records.createCustomer(world.globex.admin);
      const branchCustomer = await records.createCustomer(world.acme.admin, {}, world.branchId);
      const mine = await records.createContact(world.acme.admin);
      const foreignContact = await records.createContact(world.globex.admin);
      const branchContact = await records.createContact(world.acme.admin, {}, world.branchId);
      const name = `Foreign ${unique()}`;
      for (const customerId of [foreignCustomer.id, branchCustomer.id]) {
        expectProblem(await admin.post('/api/projects', { name, customerId }), 404, 'CUSTOMER_NOT_FOUND', [
          'customerId',
        ]);
      }
      for (const contactId of [foreignContact.id, branchContact.id]) {
        expectProblem(
          await admin.post('/api/projects', { name, contactIds: [mine.id, contactId] }),
          404,
          'CONTACT_NOT_FOUND',
          ['contactIds'],
        );
      }
      expect(await t.db.query(`SELECT 1 FROM project WHERE name = $1`, [name])).toEqual([]);
    });

    it('needs ORG_CUSTOMER_EDIT: VIEWER, AGENT and GUEST answer 403; a MANAGER may', async () => {
      const name = `Forbidden ${unique()}`;
      for (const session of [world.viewer, world.agent, world.guest]) {
        expectProblem(await as(session).post('/api/projects', { name }), 403, 'FORBIDDEN');
      }
      expect(await t.db.query(`SELECT 1 FROM project WHERE name = $1`, [name])).toEqual([]);
      expect((await createProject({}, world.manager)).status).toBe('PLANNED');
    });
  });

  describe('GET /api/projects/:id', () => {
    it('reads a project; another tenant or a non-member organization answers 404; a bad id 400; GUEST 403', async () => {
      const project = await createProject({ contactIds: [(await records.createContact(world.acme.admin)).id] });
      const read = await as(world.viewer).get(`/api/projects/${project.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(project);
      expectProblem(await as(world.globex.admin).get(`/api/projects/${project.id}`), 404, 'PROJECT_NOT_FOUND');
      const branch = await as(world.acme.admin, world.branchId).post('/api/projects', { name: 'Branch project' });
      expect(branch.status).toBe(201);
      expectProblem(
        await as(world.viewer).get(`/api/projects/${(branch.body as ProjectRecord).id}`),
        404,
        'PROJECT_NOT_FOUND',
      );
      expectProblem(await as(world.viewer).get('/api/projects/123'), 400, 'VALIDATION_FAILED');
      expectProblem(await as(world.guest).get(`/api/projects/${project.id}`), 403, 'FORBIDDEN');
    });
  });

  describe('GET /api/projects', () => {
    it('filters by status, customer, contact and q, pages and sorts', async () => {
      const customer = await records.createCustomer(world.acme.admin);
      const contact = await records.createContact(world.acme.admin);
      const tag = unique();
      const alpha = await createProject({ name: `Alpha ${tag}`, status: 'ACTIVE', customerId: customer.id });
      const beta = await createProject({
        name: `Beta ${tag}`,
        status: 'ON_HOLD',
        customerId: customer.id,
        contactIds: [contact.id],
      });
      await createProject({ name: `Gamma ${tag}`, status: 'ACTIVE' });
      const viewer = as(world.viewer);
      const byCustomer = await viewer.get(`/api/projects?customerId=${customer.id}&sort=name`);
      expect(byCustomer.status).toBe(200);
      expect((byCustomer.body as ProjectPage).items.map((item) => item.id)).toEqual([alpha.id, beta.id]);
      expect(byCustomer.body).toMatchObject({ total: 2 });
      const active = await viewer.get(`/api/projects?q=${tag}&status=ACTIVE`);
      expect((active.body as ProjectPage).total).toBe(2);
      const byContact = await viewer.get(`/api/projects?contactId=${contact.id}`);
      expect((byContact.body as ProjectPage).items.map((item) => item.id)).toEqual([beta.id]);
      const byQ = await viewer.get(`/api/projects?q=${encodeURIComponent(`alpha ${tag}`)}`);
      expect((byQ.body as ProjectPage).items.map((item) => item.id)).toEqual([alpha.id]);
      const paged = await viewer.get(`/api/projects?q=${tag}&sort=-name&limit=1&offset=1`);
      expect(paged.body).toMatchObject({ total: 3, items: [{ id: beta.id }] });
      expect((await as(world.globex.admin).get(`/api/projects?q=${tag}`)).body).toMatchObject({ total: 0 });
    });

    it('answers 400 for a bad filter or sort and 403 without a view grant', async () => {
      expectProblem(await as(world.viewer).get('/api/projects?status=DONE'), 400, 'VALIDATION_FAILED', ['status']);
      expectProblem(await as(world.viewer).get('/api/projects?contactId=1'), 400, 'VALIDATION_FAILED', ['contactId']);
      expectProblem(await as(world.viewer).get('/api/projects?sort=description'), 400, 'VALIDATION_FAILED', ['sort']);
      expectProblem(await as(world.guest).get('/api/projects'), 403, 'FORBIDDEN');
    });
  });

  describe('PATCH /api/projects/:id', () => {
    it('changes the fields sent and publishes project.updated', async () => {
      const customer = await records.createCustomer(world.acme.admin);
      const project = await createProject({ customerId: customer.id, description: 'x' });
      const response = await as(world.manager).patch(`/api/projects/${project.id}`, {
        name: 'Renamed',
        status: 'COMPLETED',
        customerId: null,
        description: null,
      });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body).toMatchObject({
        name: 'Renamed',
        status: 'COMPLETED',
        customerId: null,
        description: null,
        version: 2,
      });
      expect(await row(project.id)).toMatchObject({ name: 'Renamed', status: 'COMPLETED', customer_id: null });
      expect(await outboxEventTypes(t.db, project.id)).toEqual(['project.created', 'project.updated']);
    });

    it('replaces the contacts with contactIds ([] clears) and publishes project.contacts_changed', async () => {
      const ada = await records.createContact(world.acme.admin);
      const bob = await records.createContact(world.acme.admin);
      const project = await createProject({ contactIds: [ada.id] });
      const replaced = await as(world.acme.admin).patch(`/api/projects/${project.id}`, { contactIds: [bob.id] });
      expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
      expect((replaced.body as ProjectRecord).contacts).toEqual([{ id: bob.id, name: bob.name, email: bob.email }]);
      expect((await links(project.id)).map((link) => link.contact_id)).toEqual([bob.id]);
      expect(await lastEventData(project.id)).toMatchObject({
        previous: { contactIds: [ada.id] },
        data: { contactIds: [bob.id] },
      });
      const cleared = await as(world.acme.admin).patch(`/api/projects/${project.id}`, { contactIds: [] });
      expect((cleared.body as ProjectRecord).contacts).toEqual([]);
      expect(await links(project.id)).toEqual([]);
      expect(await outboxEventTypes(t.db, project.id)).toEqual([
        'project.created',
        'project.contacts_changed',
        'project.contacts_changed',
      ]);
    });

    it('answers 400 for a bad body, 404 across boundaries, 403 without the grant, and changes nothing', async () => {
      const ada = await records.createContact(world.acme.admin);
      const project = await createProject({ contactIds: [ada.id] });
      const admin = as(world.acme.admin);
      expectProblem(await admin.patch(`/api/projects/${project.id}`, { name: null }), 400, 'VALIDATION_FAILED', [
        'name',
      ]);
      expectProblem(await admin.patch(`/api/projects/${project.id}`, { status: null }), 400, 'VALIDATION_FAILED', [
        'status',
      ]);
      const foreignContact = await records.createContact(world.globex.admin);
      expectProblem(
        await admin.patch(`/api/projects/${project.id}`, { name: 'Half', contactIds: [foreignContact.id] }),
        404,
        'CONTACT_NOT_FOUND',
        ['contactIds'],
      );
      const foreignCustomer = await records.createCustomer(world.globex.admin);
      expectProblem(
        await admin.patch(`/api/projects/${project.id}`, { customerId: foreignCustomer.id }),
        404,
        'CUSTOMER_NOT_FOUND',
        ['customerId'],
      );
      expectProblem(
        await as(world.globex.admin).patch(`/api/projects/${project.id}`, { name: 'x' }),
        404,
        'PROJECT_NOT_FOUND',
      );
      expectProblem(await as(world.viewer).patch(`/api/projects/${project.id}`, { name: 'x' }), 403, 'FORBIDDEN');
      expect(await row(project.id)).toMatchObject({ name: project.name, version: 1 });
      expect((await links(project.id)).map((link) => link.contact_id)).toEqual([ada.id]);
      expect(await outboxEventTypes(t.db, project.id)).toEqual(['project.created']);
    });
  });

  describe('DELETE /api/projects/:id', () => {
    it('soft-deletes a project and publishes project.deleted; 403 and 404 leave it', async () => {
      const project = await createProject();
      expectProblem(await as(world.agent).delete(`/api/projects/${project.id}`), 403, 'FORBIDDEN');
      expectProblem(await as(world.globex.admin).delete(`/api/projects/${project.id}`), 404, 'PROJECT_NOT_FOUND');
      expect((await row(project.id))?.deleted_at).toBeNull();
      expect((await as(world.acme.admin).delete(`/api/projects/${project.id}`)).status).toBe(204);
      expect((await row(project.id))?.deleted_at).toBeInstanceOf(Date);
      expectProblem(await as(world.acme.admin).get(`/api/projects/${project.id}`), 404, 'PROJECT_NOT_FOUND');
      expect(await outboxEventTypes(t.db, project.id)).toEqual(['project.created', 'project.deleted']);
    });
  });

  describe('GET /api/crm/contacts/:id/projects', () => {
    it("lists the contact's projects with the list's filters; another tenant's contact 404; GUEST 403", async () => {
      const contact = await records.createContact(world.acme.admin);
      const active = await createProject({ status: 'ACTIVE', contactIds: [contact.id] });
      const planned = await createProject({ contactIds: [contact.id] });
      await createProject();
      const all = await as(world.viewer).get(`/api/crm/contacts/${contact.id}/projects?sort=createdAt`);
      expect(all.status).toBe(200);
      expect(all.body).toMatchObject({ total: 2 });
      expect((all.body as ProjectPage).items.map((item) => item.id)).toEqual([active.id, planned.id]);
      const filtered = await as(world.viewer).get(`/api/crm/contacts/${contact.id}/projects?status=ACTIVE`);
      expect((filtered.body as ProjectPage).items.map((item) => item.id)).toEqual([active.id]);
      expectProblem(
        await as(world.globex.admin).get(`/api/crm/contacts/${contact.id}/projects`),
        404,
        'CONTACT_NOT_FOUND',
      );
      expectProblem(
        await as(world.viewer).get(`/api/crm/contacts/${contact.id}/projects?status=x`),
        400,
        'VALIDATION_FAILED',
        ['status'],
      );
      expectProblem(await as(world.guest).get(`/api/crm/contacts/${contact.id}/projects`), 403, 'FORBIDDEN');
    });
  });

  describe('when what a project points at is deleted', () => {
    it('unlinks the customer (project.updated) and keeps the project', async () => {
      const customer = await records.createCustomer(world.acme.admin);
      const project = await createProject({ customerId: customer.id });
      expect((await as(world.acme.admin).delete(`/api/crm/customers/${customer.id}`)).status).toBe(204);
      expect(await row(project.id)).toMatchObject({ customer_id: null, deleted_at: null });
      expect(await outboxEventTypes(t.db, project.id)).toEqual(['project.created', 'project.updated']);
    });

    it('stops showing a deleted contact on its projects; a PATCH of the contacts drops its link', async () => {
      const ada = await records.createContact(world.acme.admin);
      const bob = await records.createContact(world.acme.admin);
      const project = await createProject({ contactIds: [ada.id, bob.id] });
      expect((await as(world.acme.admin).delete(`/api/crm/contacts/${ada.id}`)).status).toBe(204);
      const read = await as(world.acme.admin).get(`/api/projects/${project.id}`);
      expect((read.body as ProjectRecord).contacts.map((contact) => contact.id)).toEqual([bob.id]);
      expect(await links(project.id)).toHaveLength(2);
      await as(world.acme.admin)
        .patch(`/api/projects/${project.id}`, { contactIds: [bob.id] })
        .expect(200);
      expect((await links(project.id)).map((link) => link.contact_id)).toEqual([bob.id]);
    });
  });
});
