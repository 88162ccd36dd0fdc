import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Actor, GrantSet, MIGRATIONS, NotFoundError, Permission, UnitOfWork } from '@clientele/core';
import { LinkTablesCarryTenant1764000010000 } from '@clientele/core/database/migrations/1764000010000-link-tables-carry-tenant';
import { CONTACT_MEMBERS, CONTACT_TAGS, type ContactEntity } from '@clientele/crm';
import {
  bearer,
  createCrmWorld,
  createTestApp,
  type CrmRecords,
  crmRecords,
  type Session,
  type TenantFixture,
  type TestApp,
  unique,
} from '@clientele/testing';

/** What PostgreSQL answered to a statement that should be refused: its SQLSTATE and constraint. */
interface Refusal {
  readonly code: string | undefined;
  readonly constraint: string | undefined;
}

describe('link tables carry the tenant and organization', () => {
  let t: TestApp;
  let crm: CrmRecords;
  let acme: TenantFixture;
  let globex: TenantFixture;
  let agent: Session;
  let manager: Session;
  /** An organization of acme's tenant where only acme's ADMIN is a member. */
  let branchId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const world = await createCrmWorld(t.http);
    ({ acme, globex, agent, manager, branchId } = world);
    crm = crmRecords(t.http, world);
  });
  afterAll(async () => {
    await t.close();
  });

  async function refusal(sql: string, parameters: unknown[]): Promise<Refusal> {
    try {
      await t.db.query(sql, parameters);
    } catch (error) {
      const { code, constraint } = error as { code?: string; constraint?: string };
      return { code, constraint };
    }
    throw new Error(`the database accepted: ${sql} ${JSON.stringify(parameters)}`);
  }

  async function linkRows(table: string, ownerColumn: string, ownerId: string): Promise<unknown[]> {
    return t.db.query(
      `SELECT * FROM ${table} WHERE ${ownerColumn} = $1 ORDER BY ${table === 'contact_member' ? 'user_id' : 'tag_id'}`,
      [ownerId],
    );
  }

  /** acme's ADMIN as an actor outside any request, with the grants of the contact routes. */
  function acmeAdmin(organizationIds: readonly string[]): Actor {
    const grants = new GrantSet([Permission.ALL_ORG_EDIT, Permission.ALL_ORG_VIEW]);
    return new Actor('user', acme.admin.userId, acme.tenantId, new Map(organizationIds.map((id) => [id, grants])));
  }

  async function contactEntity(id: string): Promise<ContactEntity> {
    const [row] = await t.db.query<Array<{ id: string; tenant_id: string; organization_id: string }>>(
      `SELECT id, tenant_id, organization_id FROM contact WHERE id = $1`,
      [id],
    );
    if (row === undefined) throw new Error(`no contact ${id}`);
    // Only the key the link takes is read from the owner.
    return { id: row.id, tenantId: row.tenant_id, organizationId: row.organization_id } as ContactEntity;
  }

  describe('the database refuses a link across tenants or organizations', () => {
    let contactId: string;
    let customerId: string;
    let acmeTag: string;
    let branchTag: string;
    let globexTag: string;
    let globexContact: string;

    beforeAll(async () => {
      contactId = (await crm.createOrganizationContact(manager)).id;
      customerId = (await crm.createCustomer(manager)).id;
      acmeTag = (await crm.createTag(manager)).id;
      branchTag = (await crm.createTag(acme.admin, {}, branchId)).id;
      globexTag = (await crm.createTag(globex.admin)).id;
      globexContact = (await crm.createOrganizationContact(globex.admin)).id;
    });

    it('accepts a link inside one organization, as the control', async () => {
      await t.db.query(
        `INSERT INTO contact_tag (tenant_id, organization_id, contact_id, tag_id) VALUES ($1, $2, $3, $4)`,
        [acme.tenantId, acme.organizationId, contactId, acmeTag],
      );
      expect(await linkRows('contact_tag', 'contact_id', contactId)).toEqual([
        { tenant_id: acme.tenantId, organization_id: acme.organizationId, contact_id: contactId, tag_id: acmeTag },
      ]);
    });

    it("refuses a contact tag of another tenant, whichever side's tenant the row names", async () => {
      const insert = `INSERT INTO contact_tag (tenant_id, organization_id, contact_id, tag_id) VALUES ($1, $2, $3, $4)`;
      expect(await refusal(insert, [acme.tenantId, acme.organizationId, contactId, globexTag])).toEqual({
        code: '23503',
        constraint: 'contact_tag_tag_fkey',
      });
      expect(await refusal(insert, [globex.tenantId, globex.organizationId, contactId, globexTag])).toEqual({
        code: '23503',
        constraint: 'contact_tag_contact_fkey',
      });
      expect(await refusal(insert, [globex.tenantId, globex.organizationId, globexContact, acmeTag])).toEqual({
        code: '23503',
        constraint: 'contact_tag_tag_fkey',
      });
    });

    it('refuses a tag of another organization of the same tenant, on contacts and on customers', async () => {
      expect(
        await refusal(
          `INSERT INTO contact_tag (tenant_id, organization_id, contact_id, tag_id) VALUES ($1, $2, $3, $4)`,
          [acme.tenantId, acme.organizationId, contactId, branchTag],
        ),
      ).toEqual({ code: '23503', constraint: 'contact_tag_tag_fkey' });
      expect(
        await refusal(
          `INSERT INTO customer_tag (tenant_id, organization_id, customer_id, tag_id) VALUES ($1, $2, $3, $4)`,
          [acme.tenantId, acme.organizationId, customerId, branchTag],
        ),
      ).toEqual({ code: '23503', constraint: 'customer_tag_tag_fkey' });
      expect(
        await refusal(
          `INSERT INTO customer_tag (tenant_id, organization_id, customer_id, tag_id) VALUES ($1, $2, $3, $4)`,
          [acme.tenantId, branchId, customerId, branchTag],
        ),
      ).toEqual({ code: '23503', constraint: 'customer_tag_customer_fkey' });
    });

    it('refuses a member from another tenant, and a link row that names no tenant', async () => {
      expect(
        await refusal(
          `INSERT INTO contact_member (tenant_id, organization_id, contact_id, user_id) VALUES ($1, $2, $3, $4)`,
          [acme.tenantId, acme.organizationId, contactId, globex.admin.userId],
        ),
      ).toEqual({ code: '23503', constraint: 'contact_member_app_user_fkey' });
      expect(
        await refusal(`INSERT INTO contact_member (contact_id, user_id) VALUES ($1, $2)`, [contactId, agent.userId]),
      ).toMatchObject({ code: '23502' });
      expect(await linkRows('contact_member', 'contact_id', contactId)).toEqual([]);
    });

    it('refuses to move a linked contact to another organization without its links', async () => {
      expect(
        await refusal(`UPDATE contact SET organization_id = $1 WHERE id = $2`, [branchId, contactId]),
      ).toMatchObject({ code: '23503' });
    });
  });

  describe('the link helper', () => {
    it('stamps the tenant and the owner organization, and replaces, adds and removes only that owner’s links', async () => {
      const [first, second, third] = [
        (await crm.createTag(acme.admin, {}, branchId)).id,
        (await crm.createTag(acme.admin, {}, branchId)).id,
        (await crm.createTag(acme.admin, {}, branchId)).id,
      ];
      const contact = await contactEntity((await crm.createOrganizationContact(acme.admin, {}, branchId)).id);
      const other = await contactEntity(
        (await crm.createOrganizationContact(acme.admin, { tags: [{ id: first }] }, branchId)).id,
      );
      const uow = t.app.get(UnitOfWork);
      const actor = acmeAdmin([acme.organizationId, branchId]);

      await uow.runAs(actor, (tx) => CONTACT_TAGS.replace(tx, contact, [first, second, first]));
      const stamp = { tenant_id: acme.tenantId, organization_id: branchId, contact_id: contact.id };
      expect(await linkRows('contact_tag', 'contact_id', contact.id)).toEqual(
        [first, second].sort().map((tagId) => ({ ...stamp, tag_id: tagId })),
      );
      await uow.runAs(actor, (tx) => CONTACT_TAGS.replace(tx, contact, [third, second]));
      expect(await linkRows('contact_tag', 'contact_id', contact.id)).toEqual(
        [second, third].sort().map((tagId) => ({ ...stamp, tag_id: tagId })),
      );
      await uow.runAs(actor, (tx) => CONTACT_TAGS.add(tx, contact, [first, second]));
      await uow.runAs(actor, (tx) => CONTACT_TAGS.remove(tx, contact, [second, third]));
      expect(await linkRows('contact_tag', 'contact_id', contact.id)).toEqual([{ ...stamp, tag_id: first }]);
      expect(await linkRows('contact_tag', 'contact_id', other.id)).toEqual([
        { tenant_id: acme.tenantId, organization_id: branchId, contact_id: other.id, tag_id: first },
      ]);

      await uow.runAs(actor, (tx) => CONTACT_MEMBERS.replace(tx, contact, [acme.admin.userId]));
      expect(await linkRows('contact_member', 'contact_id', contact.id)).toEqual([
        { ...stamp, user_id: acme.admin.userId },
      ]);
    });

    it('refuses an owner of another tenant or outside the actor’s organizations before writing', async () => {
      const uow = t.app.get(UnitOfWork);
      const { id: tag } = await crm.createTag(acme.admin, {}, branchId);
      const branchContact = await contactEntity((await crm.createOrganizationContact(acme.admin, {}, branchId)).id);
      const globexContact = await contactEntity((await crm.createOrganizationContact(globex.admin)).id);

      const headquartersOnly = acmeAdmin([acme.organizationId]);
      await expect(
        uow.runAs(headquartersOnly, (tx) => CONTACT_TAGS.add(tx, branchContact, [tag])),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        uow.runAs(acmeAdmin([acme.organizationId, branchId]), (tx) => CONTACT_TAGS.add(tx, globexContact, [tag])),
      ).rejects.toMatchObject({ code: 'CONTACT_NOT_FOUND' });
      // A target the scope check cannot see (a tag of another organization) is the database's to refuse.
      const { id: headquartersTag } = await crm.createTag(acme.admin);
      await expect(
        uow.runAs(acmeAdmin([acme.organizationId, branchId]), (tx) =>
          CONTACT_TAGS.add(tx, branchContact, [headquartersTag]),
        ),
      ).rejects.toMatchObject({ code: '23503' });
      expect(await linkRows('contact_tag', 'contact_id', branchContact.id)).toEqual([]);
      expect(await linkRows('contact_tag', 'contact_id', globexContact.id)).toEqual([]);
    });
  });

  describe('tags and members through the API behave as before', () => {
    it('writes, reads, filters and clears contact tags and members, every row carrying the tenant', async () => {
      const [vip, partner] = [(await crm.createTag(manager)).id, (await crm.createTag(manager)).id];
      const { id } = await crm.createOrganizationContact(manager, {
        tags: [{ id: vip }, { id: partner }],
        members: [{ id: agent.userId }],
      });
      const stamp = { tenant_id: acme.tenantId, organization_id: acme.organizationId, contact_id: id };
      expect(await linkRows('contact_tag', 'contact_id', id)).toEqual(
        [vip, partner].sort().map((tagId) => ({ ...stamp, tag_id: tagId })),
      );
      expect(await linkRows('contact_member', 'contact_id', id)).toEqual([{ ...stamp, user_id: agent.userId }]);

      const read = await t.http
        .get(`/api/organization-contact/${id}?relations[]=tags&relations[]=members`)
        .set(bearer(manager));
      expect(read.status).toBe(200);
      expect(read.body.tags.map((tag: { id: string }) => tag.id).sort()).toEqual([vip, partner].sort());
      expect(read.body.members).toEqual([expect.objectContaining({ id: agent.userId })]);

      const byTag = await t.http.get(`/api/crm/contacts?tag=${vip}`).set(bearer(manager));
      expect(byTag.body.items.map((item: { id: string }) => item.id)).toEqual([id]);
      const byMember = await t.http
        .get(`/api/organization-contact?where[members]=${agent.userId}&where[organizationId]=${acme.organizationId}`)
        .set(bearer(manager));
      expect(byMember.body.items.map((item: { id: string }) => item.id)).toContain(id);

      const changed = await t.http
        .put(`/api/organization-contact/${id}`)
        .set(bearer(manager))
        .send({ tags: [{ id: partner }], members: [] });
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      expect(changed.body.tags).toEqual([expect.objectContaining({ id: partner })]);
      expect(changed.body.members).toEqual([]);
      expect(await linkRows('contact_tag', 'contact_id', id)).toEqual([{ ...stamp, tag_id: partner }]);
      expect(await linkRows('contact_member', 'contact_id', id)).toEqual([]);

      // A change that sends neither list keeps the links.
      const renamed = await t.http.put(`/api/organization-contact/${id}`).set(bearer(manager)).send({ notes: 'kept' });
      expect(renamed.body.tags).toEqual([expect.objectContaining({ id: partner })]);
    });

    it("answers another organization's tag with 404 TAG_NOT_FOUND naming the field, storing no link", async () => {
      const { id: branchTag } = await crm.createTag(acme.admin, {}, branchId);
      const response = await t.http
        .post('/api/organization-contact')
        .set(bearer(acme.admin))
        .send({ name: `Contact ${unique()}`, organizationId: acme.organizationId, tags: [{ id: branchTag }] });
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('TAG_NOT_FOUND');
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'tags' })]);
      expect(await t.db.query(`SELECT 1 FROM contact_tag WHERE tag_id = $1`, [branchTag])).toEqual([]);
    });

    it('writes and replaces customer tags with the tenant and organization', async () => {
      const [first, second] = [(await crm.createTag(manager)).id, (await crm.createTag(manager)).id];
      const { id } = await crm.createCustomer(manager, { tagIds: [first] });
      const stamp = { tenant_id: acme.tenantId, organization_id: acme.organizationId, customer_id: id };
      expect(await linkRows('customer_tag', 'customer_id', id)).toEqual([{ ...stamp, tag_id: first }]);
      const changed = await t.http
        .patch(`/api/crm/customers/${id}`)
        .set(bearer(manager))
        .send({ tagIds: [second] });
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      expect(changed.body.tags).toEqual([expect.objectContaining({ id: second })]);
      expect(await linkRows('customer_tag', 'customer_id', id)).toEqual([{ ...stamp, tag_id: second }]);
      const [audit] = await t.db.query<Array<{ before: { tagIds: string[] }; after: { tagIds: string[] } }>>(
        `SELECT before, after FROM audit_entry WHERE entity_id = $1 AND action = 'customer.updated'`,
        [id],
      );
      expect(audit?.before.tagIds).toEqual([first]);
      expect(audit?.after.tagIds).toEqual([second]);
    });

    it('keeps ON DELETE as before: removing a contact or a tag removes its links, a linked user stays', async () => {
      const { id: tag } = await crm.createTag(manager);
      const { id: kept } = await crm.createOrganizationContact(manager, { tags: [{ id: tag }] });
      const { id: removed } = await crm.createOrganizationContact(manager, {
        tags: [{ id: tag }],
        members: [{ id: agent.userId }],
      });
      await t.db.query(`DELETE FROM contact WHERE id = $1`, [removed]);
      expect(await linkRows('contact_tag', 'contact_id', removed)).toEqual([]);
      expect(await linkRows('contact_member', 'contact_id', removed)).toEqual([]);
      await t.db.query(`DELETE FROM tag WHERE id = $1`, [tag]);
      expect(await linkRows('contact_tag', 'contact_id', kept)).toEqual([]);

      // A user nothing else points at (no membership, no session), so only the link holds it.
      const [user] = await t.db.query<Array<{ id: string }>>(
        `INSERT INTO app_user (tenant_id, email, first_name, last_name, password_hash)
         VALUES ($1, $2, 'Linked', 'User', 'x') RETURNING id`,
        [acme.tenantId, `linked-${unique()}@example.test`],
      );
      const { id: assigned } = await crm.createOrganizationContact(manager);
      await t.db.query(
        `INSERT INTO contact_member (tenant_id, organization_id, contact_id, user_id) VALUES ($1, $2, $3, $4)`,
        [acme.tenantId, acme.organizationId, assigned, user?.id],
      );
      expect(await refusal(`DELETE FROM app_user WHERE id = $1`, [user?.id])).toEqual({
        code: '23503',
        constraint: 'contact_member_app_user_fkey',
      });
    });
  });

  // Last: it takes the schema back a step and forward again.
  describe('the migration', () => {
    it('backfills existing links from their owner and drops those that crossed an organization or tenant', async () => {
      const { id: tag } = await crm.createTag(manager);
      const { id: branchTag } = await crm.createTag(acme.admin, {}, branchId);
      const { id: contact } = await crm.createOrganizationContact(manager);
      const { id: customer } = await crm.createCustomer(manager);
      // Back to the schema before this migration (later ones undone first), old-shape rows in, forward again.
      const at = MIGRATIONS.indexOf(LinkTablesCarryTenant1764000010000);
      const migrations = MIGRATIONS.slice(at).map((Migration) => new Migration());
      const runner = t.db.createQueryRunner();
      try {
        await runner.startTransaction();
        for (const migration of [...migrations].reverse()) await migration.down(runner);
        await runner.query(`INSERT INTO contact_tag (contact_id, tag_id) VALUES ($1, $2), ($1, $3)`, [
          contact,
          tag,
          branchTag,
        ]);
        await runner.query(`INSERT INTO customer_tag (customer_id, tag_id) VALUES ($1, $2)`, [customer, tag]);
        await runner.query(`INSERT INTO contact_member (contact_id, user_id) VALUES ($1, $2), ($1, $3)`, [
          contact,
          agent.userId,
          globex.admin.userId,
        ]);
        for (const migration of migrations) await migration.up(runner);
        await runner.commitTransaction();
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
      const stamp = { tenant_id: acme.tenantId, organization_id: acme.organizationId };
      expect(await linkRows('contact_tag', 'contact_id', contact)).toEqual([
        { ...stamp, contact_id: contact, tag_id: tag },
      ]);
      expect(await linkRows('customer_tag', 'customer_id', customer)).toEqual([
        { ...stamp, customer_id: customer, tag_id: tag },
      ]);
      expect(await linkRows('contact_member', 'contact_id', contact)).toEqual([
        { ...stamp, contact_id: contact, user_id: agent.userId },
      ]);
      const read = await t.http.get(`/api/crm/contacts/${contact}`).set(bearer(manager));
      expect(read.body.tags).toEqual([expect.objectContaining({ id: tag })]);
    });
  });
});
