import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Brackets } from 'typeorm';
import {
  AccessScope,
  Actor,
  GrantSet,
  NotFoundError,
  Permission,
  ScopedRepository,
  ScopeEscapeError,
} from '@clientele/core';
import { ContactEntity } from '@clientele/crm';
import {
  bearer,
  createCrmWorld,
  createTestApp,
  type CrmWorld,
  type TestApp,
  type TenantFixture,
} from '@clientele/testing';

/**
 * The scope of `ScopedRepository.query()` cannot be undone by what a handler chains: every query
 * here is written the careless way and must still see acme's main organization only.
 */
describe('scoped queries', () => {
  let t: TestApp;
  let world: CrmWorld;
  let contacts: ScopedRepository<ContactEntity>;
  /** Contacts named `Probe` in acme's main organization, acme's branch and globex. */
  const ids = { acme: '', branch: '', globex: '' };

  const createProbe = async (tenant: TenantFixture, organizationId: string): Promise<string> => {
    const response = await t.http
      .post('/api/crm/contacts')
      .set(bearer(tenant.admin))
      .send({ firstName: 'Probe', lastName: 'Scoped', organizationId });
    expect(response.status).toBe(201);
    return (response.body as { id: string }).id;
  };

  const scopeIn = (tenant: TenantFixture, organizationIds: string[]): AccessScope => {
    const grants = new Map(organizationIds.map((id) => [id, new GrantSet([Permission.ORG_CONTACT_VIEW])]));
    return new AccessScope(new Actor('user', tenant.admin.userId, tenant.tenantId, grants), [
      Permission.ORG_CONTACT_VIEW,
    ]);
  };

  const probeIds = async (query: Promise<ContactEntity[]>): Promise<string[]> =>
    (await query).map((contact) => contact.id).sort();

  beforeAll(async () => {
    t = await createTestApp();
    world = await createCrmWorld(t.http);
    ids.acme = await createProbe(world.acme, world.acme.organizationId);
    ids.branch = await createProbe(world.acme, world.branchId);
    ids.globex = await createProbe(world.globex, world.globex.organizationId);
    contacts = new ScopedRepository(t.db.manager, ContactEntity, scopeIn(world.acme, [world.acme.organizationId]));
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds only the scope’s row with an honest andWhere', async () => {
    expect(await probeIds(contacts.query('c').andWhere('c.firstName = :n', { n: 'Probe' }).getMany())).toEqual([
      ids.acme,
    ]);
  });

  it('keeps the scope when where() replaces earlier conditions', async () => {
    expect(await probeIds(contacts.query('c').where('c.firstName = :n', { n: 'Probe' }).getMany())).toEqual([ids.acme]);
    expect(await probeIds(contacts.query('c').where('1 = 1').getMany())).toEqual([ids.acme]);
  });

  it('keeps the scope under orWhere, raw OR text and brackets', async () => {
    const leaky = [
      contacts.query('c').where('c.firstName = :n', { n: 'Probe' }).orWhere('c.lastName = :l', { l: 'Scoped' }),
      contacts.query('c').orWhere('c.firstName = :n', { n: 'Probe' }),
      contacts.query('c').andWhere('c.firstName = :n OR 1 = 1', { n: 'Probe' }),
      contacts.query('c').andWhere(new Brackets((where) => where.where('c.firstName = :n or 1 = 1', { n: 'x' }))),
      contacts
        .query('c')
        .andWhere(new Brackets((where) => where.where('c.firstName = :n', { n: 'Probe' }).orWhere('c.id IS NOT NULL'))),
    ];
    for (const qb of leaky) {
      expect(qb.getQuery()).toMatch(
        /^SELECT .* WHERE \( "c"\."tenant_id" = :scopeTenantId AND "c"\."organization_id" = /,
      );
      expect(await probeIds(qb.getMany())).toEqual([ids.acme]);
    }
  });

  it('refuses to change the scope’s parameters, directly or from a sub-query', () => {
    const qb = contacts.query('c');
    expect(() => qb.setParameter('scopeTenantId', world.globex.tenantId)).toThrow(ScopeEscapeError);
    expect(() => qb.setParameters({ scopeOrganizationId: world.branchId })).toThrow(ScopeEscapeError);
    expect(() => qb.where('c.id = :id', { scopeTenantId: world.globex.tenantId })).toThrow(ScopeEscapeError);
    const sub = qb.subQuery().select('1').from(ContactEntity, 'x');
    expect(() => sub.setParameter('scopeTenantId', world.globex.tenantId)).toThrow(ScopeEscapeError);
    // Setting a scope parameter to its own value changes nothing and is allowed.
    expect(() => qb.setParameter('scopeTenantId', world.acme.tenantId)).not.toThrow();
  });

  it('keeps the scope in sub-queries’ parents, counts and clones', async () => {
    const qb = contacts
      .query('c')
      .where((where) => {
        const sub = where.subQuery().select('x.id').from(ContactEntity, 'x').where('x.firstName = :n').getQuery();
        return `c.id IN ${sub}`;
      })
      .setParameter('n', 'Probe');
    expect(await probeIds(qb.getMany())).toEqual([ids.acme]);
    expect(await qb.getCount()).toBe(1);
    expect(await probeIds(qb.clone().orWhere('1 = 1').getMany())).toEqual([ids.acme]);
    const [page, total] = await contacts.query('c').orWhere('1 = 1').take(5).getManyAndCount();
    expect(total).toBe(page.length);
    expect(page.every((contact) => contact.tenantId === world.acme.tenantId)).toBe(true);
    expect(page.every((contact) => contact.organizationId === world.acme.organizationId)).toBe(true);
  });

  it('spans several organizations with = ANY and still keeps the tenant', async () => {
    const both = new ScopedRepository(
      t.db.manager,
      ContactEntity,
      scopeIn(world.acme, [world.acme.organizationId, world.branchId]),
    );
    const qb = both.query('c').where('c.firstName = :n', { n: 'Probe' }).orWhere('1 = 1');
    expect(qb.getQuery()).toContain('"c"."organization_id" = ANY(:scopeOrganizationIds)');
    expect(await probeIds(qb.andWhere('c.firstName = :n').getMany())).toEqual([ids.acme, ids.branch].sort());
  });

  it('builds the same SQL text as the andWhere chain it replaces', () => {
    const chained = t.db.manager
      .createQueryBuilder(ContactEntity, 'c')
      .where('c.tenantId = :scopeTenantId')
      .andWhere('c.organizationId = :scopeOrganizationId')
      .andWhere('c.firstName = :n')
      .orderBy('c.id');
    expect(contacts.query('c').where('c.firstName = :n').orderBy('c.id').getQuery()).toBe(chained.getQuery());
  });

  it('refuses to become a write or to read another table', () => {
    const qb = contacts.query('c');
    expect(() => qb.update()).toThrow(ScopeEscapeError);
    expect(() => qb.delete()).toThrow(ScopeEscapeError);
    expect(() => qb.softDelete()).toThrow(ScopeEscapeError);
    expect(() => qb.restore()).toThrow(ScopeEscapeError);
    expect(() => qb.insert()).toThrow(ScopeEscapeError);
    expect(() => qb.relation('tags')).toThrow(ScopeEscapeError);
    expect(() => qb.from(ContactEntity, 'other')).toThrow(ScopeEscapeError);
    expect(() => qb.addFrom(ContactEntity, 'other')).toThrow(ScopeEscapeError);
  });

  it('refuses to save a row of another tenant, or one moved out of the granted organizations', async () => {
    const globexRow = await t.db.manager.findOneByOrFail(ContactEntity, { id: ids.globex });
    await expect(contacts.save(globexRow)).rejects.toBeInstanceOf(NotFoundError);
    const branchRow = await t.db.manager.findOneByOrFail(ContactEntity, { id: ids.branch });
    await expect(contacts.save(branchRow)).rejects.toBeInstanceOf(NotFoundError);
    await expect(contacts.softRemove(branchRow)).rejects.toBeInstanceOf(NotFoundError);
    const own = await contacts.findOneOrFail(ids.acme);
    own.organizationId = world.branchId;
    own.lastName = 'Moved';
    await expect(contacts.save(own)).rejects.toBeInstanceOf(NotFoundError);
    const stored = await t.db.query(`SELECT organization_id, last_name FROM contact WHERE id = $1`, [ids.acme]);
    expect(stored).toEqual([{ organization_id: world.acme.organizationId, last_name: 'Scoped' }]);
  });
});
