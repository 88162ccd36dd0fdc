import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryText, readRows, RoleEntity } from '@clientele/core';
import { createTestApp, type TestApp } from '@clientele/testing';

/**
 * `queryText` serves TypeORM's SQL text from memory for a query shape it has built before. The
 * text must follow the shape (filters, sort, page, selects) and never the values.
 */
describe('queryText', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const roles = (names: string[], limit = 10) =>
    t.db
      .createQueryBuilder(RoleEntity, 'role')
      .where('role.tenantId IS NULL')
      .andWhere('role.name = ANY(:names)', { names })
      .orderBy('role.name', 'ASC')
      .limit(limit);

  it('gives the same text for the same shape, whatever the values, and reads the right rows', async () => {
    const admins = roles(['ADMIN']);
    const viewers = roles(['VIEWER', 'GUEST']);
    expect(queryText(viewers)).toBe(queryText(admins));
    expect(queryText(admins)).toBe(admins.getQuery());
    expect((await readRows(admins)).map((row) => row.entity.name)).toEqual(['ADMIN']);
    expect((await readRows(viewers)).map((row) => row.entity.name)).toEqual(['GUEST', 'VIEWER']);
  });

  it('gives another text when the shape changes: a filter, the sort, the page, a select, deleted rows', () => {
    const base = queryText(roles(['ADMIN']));
    const changed = [
      roles(['ADMIN']).andWhere('role.description IS NOT NULL'),
      roles(['ADMIN']).orderBy('role.name', 'DESC'),
      roles(['ADMIN'], 20),
      roles(['ADMIN']).offset(5),
      roles(['ADMIN']).addSelect('1', 'one'),
      roles(['ADMIN']).withDeleted(),
    ].map((qb) => {
      const text = queryText(qb);
      expect(text).toBe(qb.getQuery());
      return text;
    });
    expect(new Set([base, ...changed]).size).toBe(changed.length + 1);
  });

  it('builds joined queries afresh, and in the test suite checks every remembered text against TypeORM', () => {
    const joined = t.db.createQueryBuilder(RoleEntity, 'role').leftJoin('membership', 'm', 'm.role_id = role.id');
    expect(queryText(joined)).toBe(joined.getQuery());
    const drifted = roles(['ADMIN']);
    drifted.getQuery = () => 'SELECT 1';
    expect(() => queryText(drifted)).toThrow(/differs from TypeORM's/);
  });
});
