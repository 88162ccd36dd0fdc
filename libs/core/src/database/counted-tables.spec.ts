import type { QueryRunner } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { facetCountSchemaSql, installCountedTable } from './counted-tables';
import { FacetCount1764000008000 } from './migrations/1764000008000-facet-count';

/** A QueryRunner that only writes down what it is asked to run. */
function recordingRunner(): { runner: QueryRunner; statements: string[] } {
  const statements: string[] = [];
  const runner = {
    query: (sql: string, parameters?: unknown[]) => {
      statements.push(parameters === undefined ? sql : `${sql} -- ${JSON.stringify(parameters)}`);
      return Promise.resolve([]);
    },
  } as unknown as QueryRunner;
  return { runner, statements };
}

describe('counted tables', () => {
  it('keeps migration 1764000008000 emitting the SQL it always did', async () => {
    // The migration's generator moved into counted-tables.ts: an edit there must not change
    // what an already-applied migration means. The file was taken from the original migration.
    const { runner, statements } = recordingRunner();
    await new FacetCount1764000008000().up(runner);
    await expect(statements.join('\n;\n')).toMatchFileSnapshot('__snapshots__/1764000008000-facet-count.up.sql');
  });

  it('declares a counted table in one call: record count trigger, facet counters, refresh functions', async () => {
    const { runner, statements } = recordingRunner();
    await installCountedTable(runner, {
      table: 'deal',
      facets: [
        { column: 'stage_id', type: 'uuid' },
        { column: 'owner_id', type: 'uuid' },
      ],
    });
    const sql = statements.join('\n');
    expect(sql).toContain('CREATE TRIGGER deal_record_count AFTER INSERT OR DELETE OR UPDATE OF deleted_at');
    expect(sql).toContain(
      'CREATE TABLE deal_facet_count (tenant_id uuid NOT NULL, organization_id uuid NOT NULL, stage_id uuid, owner_id uuid, count bigint NOT NULL)',
    );
    expect(sql).toContain('CREATE FUNCTION track_deal_facet_count()');
    expect(sql).toContain('CREATE OR REPLACE FUNCTION refresh_deal_record_count()');
    expect(sql).toContain('CREATE OR REPLACE FUNCTION refresh_deal_facet_count()');
    expect(sql).toContain('INSERT INTO counted_table (name) VALUES ($1) ON CONFLICT (name) DO NOTHING -- ["deal"]');
    expect(statements.at(-1)).toBe('SELECT refresh_deal_record_count(), refresh_deal_facet_count()');
  });

  it('refuses names that are not plain SQL identifiers', () => {
    expect(() => facetCountSchemaSql({ table: 'deal; DROP TABLE x', facets: [] })).toThrow(
      'not a plain SQL identifier',
    );
    expect(() => facetCountSchemaSql({ table: 'deal', facets: [{ column: 'Stage', type: 'uuid' }] })).toThrow(
      'not a plain SQL identifier',
    );
  });
});
