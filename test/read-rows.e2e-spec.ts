import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuditEntryEntity,
  MembershipEntity,
  OrganizationEntity,
  RoleEntity,
  UserEntity,
  readRows,
} from '@clientele/core';
import { ContactEntity } from '@clientele/crm';
import { bearer, createTestApp, signupTenant, type TestApp } from '@clientele/testing';
import type { EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * `readRows` sets most columns as node-postgres parsed them instead of going through TypeORM's
 * hydration: for every kind of column the app has, the entities must come out the same.
 */
describe('readRows', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    const acme = await signupTenant(t.http);
    const customer = await t.http
      .post('/api/crm/customers')
      .set(bearer(acme.admin))
      .send({ name: 'Hydration Ltd', primaryDomain: 'hydration.test' });
    expect(customer.status).toBe(201);
    const contact = await t.http.post('/api/organization-contact').set(bearer(acme.admin)).send({
      name: 'Ada Hydrate',
      primaryEmail: 'ada@hydration.test',
      budget: 1234.5,
      budgetType: 'COST',
      organizationId: acme.organizationId,
    });
    expect(contact.status).toBe(201);
    await t.http
      .patch(`/api/crm/contacts/${(contact.body as { id: string }).id}`)
      .set(bearer(acme.admin))
      .send({ customerId: (customer.body as { id: string }).id, marketingOptOut: true })
      .expect(200);
  });
  afterAll(async () => {
    await t.close();
  });

  async function compare<T extends ObjectLiteral>(target: EntityTarget<T>): Promise<number> {
    const query = () => t.db.createQueryBuilder(target, 'subject').orderBy('subject.createdAt', 'ASC').limit(50);
    const byTypeOrm = await query().getMany();
    const ours = (await readRows(query())).map((row) => row.entity);
    expect(ours).toEqual(byTypeOrm);
    for (const [index, entity] of ours.entries()) {
      expect(Object.getPrototypeOf(entity)).toBe(Object.getPrototypeOf(byTypeOrm[index]));
    }
    return ours.length;
  }

  it('hydrates contacts (decimal budget as a string, dates, booleans, nulls) as TypeORM does', async () => {
    expect(await compare(ContactEntity)).toBe(1);
    const [row] = await readRows(t.db.createQueryBuilder(ContactEntity, 'contact'));
    expect(row?.entity).toMatchObject({ budget: '1234.5000', marketingOptOut: true, version: 2 });
    expect(row?.entity.createdAt).toBeInstanceOf(Date);
  });

  it('hydrates users without their unselected password hash, roles with their grant arrays, and the rest', async () => {
    expect(await compare(UserEntity)).toBe(1);
    const [user] = await readRows(t.db.createQueryBuilder(UserEntity, 'user'));
    expect(user?.entity).not.toHaveProperty('passwordHash');
    expect(await compare(RoleEntity)).toBeGreaterThan(0);
    expect(await compare(OrganizationEntity)).toBe(1);
    expect(await compare(MembershipEntity)).toBe(1);
    expect(await compare(AuditEntryEntity)).toBeGreaterThan(0);
  });

  it('leaves a query with selected joins to TypeORM and still pairs each entity with its raw row', async () => {
    const rows = await readRows(
      t.db.createQueryBuilder(MembershipEntity, 'membership').innerJoinAndSelect('membership.user', 'user'),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.entity.user?.email).toMatch(/@/);
    expect(rows[0]?.raw.membership_id).toBe(rows[0]?.entity.id);
  });
});
