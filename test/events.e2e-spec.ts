import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SystemContext, UnitOfWork } from '@clientele/core';
import { CONTACT_SNAPSHOT } from '@clientele/crm/organization-contact/events/contact.events';
import { TagCreated, tagSnapshot } from '@clientele/crm/tags/events/tag.events';
import { TagEntity } from '@clientele/crm';
import { bearer, createTestApp, signupTenant, type TenantFixture, type TestApp, unique } from '@clientele/testing';

interface EventRow {
  type: string;
  version: number;
  entity: string;
  data: Record<string, unknown> | null;
  previous: Record<string, unknown> | null;
  changed_fields: string[] | null;
  actor_type: string;
  actor_id: string | null;
}

describe('typed events', () => {
  let t: TestApp;
  let tenant: TenantFixture;

  beforeAll(async () => {
    t = await createTestApp();
    tenant = await signupTenant(t.http);
  });
  afterAll(async () => {
    await t.close();
  });

  function events(entityId: string, type: string): Promise<EventRow[]> {
    return t.db.query(
      `SELECT type, version, entity, data, previous, changed_fields, actor_type, actor_id
         FROM outbox_event WHERE entity_id = $1 AND type = $2 ORDER BY position`,
      [entityId, type],
    );
  }

  async function createContact(customerId: string): Promise<string> {
    const response = await t.http
      .post('/api/crm/contacts')
      .set(bearer(tenant.admin))
      .send({ firstName: 'Ada', lastName: unique('L'), email: `${unique('ada')}@example.com`, customerId });
    expect(response.status).toBe(201);
    return (response.body as { id: string }).id;
  }

  it('publishes contact.updated in one shape from an update and from unlinking a deleted customer', async () => {
    const customer = await t.http
      .post('/api/crm/customers')
      .set(bearer(tenant.admin))
      .send({ name: unique('Acme') });
    expect(customer.status).toBe(201);
    const customerId = (customer.body as { id: string }).id;
    const edited = await createContact(customerId);
    const unlinked = await createContact(customerId);

    const patch = await t.http.patch(`/api/crm/contacts/${edited}`).set(bearer(tenant.admin)).send({ jobTitle: 'CTO' });
    expect(patch.status).toBe(200);
    await t.http.delete(`/api/crm/contacts/${edited}`).set(bearer(tenant.admin)).expect(204);
    await t.http.delete(`/api/crm/customers/${customerId}`).set(bearer(tenant.admin)).expect(204);

    const [fromUpdate] = await events(edited, 'contact.updated');
    const [fromUnlink] = await events(unlinked, 'contact.updated');
    for (const event of [fromUpdate, fromUnlink]) {
      expect(event).toMatchObject({ version: 1, entity: 'contact', actor_type: 'user', actor_id: tenant.admin.userId });
      expect(CONTACT_SNAPSHOT.problems(event.data)).toEqual([]);
      expect(CONTACT_SNAPSHOT.problems(event.previous)).toEqual([]);
    }
    expect(Object.keys(fromUnlink.data ?? {}).sort()).toEqual(Object.keys(fromUpdate.data ?? {}).sort());
    expect(fromUpdate.changed_fields).toEqual(expect.arrayContaining(['jobTitle']));
    expect(fromUpdate.changed_fields).not.toContain('customerId');
    expect(fromUnlink).toMatchObject({ previous: { customerId }, data: { customerId: null } });
    expect(fromUnlink.changed_fields).toEqual(expect.arrayContaining(['customerId']));
    expect(fromUnlink.changed_fields).not.toContain('jobTitle');

    // The audit entry carries the same snapshots as the event.
    const [audit] = await t.db.query<Array<{ before: unknown; after: unknown }>>(
      `SELECT before, after FROM audit_entry WHERE entity_id = $1 AND action = 'contact.updated'`,
      [unlinked],
    );
    expect(audit).toEqual({ before: fromUnlink.previous, after: fromUnlink.data });
    // A deletion is the last state as `previous`, no `data`.
    const [deleted] = await events(edited, 'contact.deleted');
    expect(deleted).toMatchObject({ data: null, previous: { id: edited, jobTitle: 'CTO' }, changed_fields: null });
  });

  it('writes as the system actor outside a request: scoped to the tenant, audited without an author', async () => {
    const system = t.app.get(SystemContext);
    const uow = t.app.get(UnitOfWork);
    const name = unique('System tag');
    const tag = await system.runAsSystem(tenant.tenantId, () =>
      uow.run(async (tx) => {
        const tags = tx.repository(TagEntity);
        const saved = await tags.save(tags.create({ organizationId: tenant.organizationId, name }));
        await tx.publish(TagCreated, {
          entityId: saved.id,
          organizationId: saved.organizationId,
          after: tagSnapshot(saved),
        });
        return saved;
      }),
    );
    const [row] = await t.db.query(`SELECT tenant_id, created_by, updated_by FROM tag WHERE id = $1`, [tag.id]);
    expect(row).toEqual({ tenant_id: tenant.tenantId, created_by: null, updated_by: null });
    const [audit] = await t.db.query(`SELECT actor_type, actor_id, action FROM audit_entry WHERE entity_id = $1`, [
      tag.id,
    ]);
    expect(audit).toEqual({ actor_type: 'system', actor_id: null, action: 'tag.created' });
    expect(await events(tag.id, 'tag.created')).toMatchObject([
      { actor_type: 'system', actor_id: null, data: { name } },
    ]);

    // The system actor of one tenant sees nothing of another.
    const other = await signupTenant(t.http);
    const seen = await system.runAsSystem(other.tenantId, () =>
      uow.run((tx) => tx.repository(TagEntity).query('tag').andWhere('tag.id = :id', { id: tag.id }).getMany()),
    );
    expect(seen).toEqual([]);
  });
});
