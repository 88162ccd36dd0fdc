import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { OrganizationPair } from './organization-pair';

const TENANT = '00000000-0000-4000-8000-000000000001';
const SOURCE = '00000000-0000-4000-8000-000000000002';
const TARGET = '00000000-0000-4000-8000-000000000003';
const AUTHOR = '00000000-0000-4000-8000-000000000004';

/** A manager that records each statement and answers `answer`. */
function recording(answer: unknown = []): { manager: EntityManager; calls: Array<[string, unknown[]]> } {
  const calls: Array<[string, unknown[]]> = [];
  const manager = {
    query: (sql: string, parameters: unknown[]) => {
      calls.push([sql, parameters]);
      return Promise.resolve(answer);
    },
  } as unknown as EntityManager;
  return { manager, calls };
}

describe('OrganizationPair', () => {
  it('binds the tenant, both organizations and the author first, leaving out those a statement does not name', async () => {
    const { manager, calls } = recording([{ id: 'x' }]);
    const pair = new OrganizationPair(manager, TENANT, SOURCE, TARGET, AUTHOR);
    const rows = await pair.query(
      `UPDATE tag SET organization_id = $3 WHERE tenant_id = $1 AND id = ANY($5) AND $3 = $3`,
      [['a']],
    );
    expect(rows).toEqual([{ id: 'x' }]);
    expect(calls).toEqual([
      [
        `UPDATE tag SET organization_id = $2 WHERE tenant_id = $1 AND id = ANY($3) AND $2 = $2`,
        [TENANT, TARGET, ['a']],
      ],
    ]);
  });

  it('answers the rows of a write reported as [rows, count]', async () => {
    const { manager } = recording([[{ id: 'y' }], 1]);
    expect(
      await new OrganizationPair(manager, TENANT, SOURCE, TARGET, null).query(`DELETE FROM tag WHERE tenant_id = $1`),
    ).toEqual([{ id: 'y' }]);
  });

  it('refuses a placeholder it has no parameter for', async () => {
    const { manager, calls } = recording();
    await expect(
      new OrganizationPair(manager, TENANT, SOURCE, TARGET, null).query(`SELECT $6`, ['only $5']),
    ).rejects.toThrow('$6 has no parameter');
    expect(calls).toEqual([]);
  });
});
