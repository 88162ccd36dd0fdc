import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  type CountedTableDeclaration,
  dropFacetCountSql,
  facetCountSchemaSql,
  refreshFacetCountSql,
} from '../counted-tables';

/** The columns lists filter on with equality, as this migration counts them. */
const FACET_COUNTS: readonly CountedTableDeclaration[] = [
  {
    table: 'contact',
    facets: [
      { column: 'contact_type', type: 'text' },
      { column: 'status', type: 'text', lowerCase: true },
      { column: 'owner_id', type: 'uuid' },
    ],
  },
  {
    table: 'customer',
    facets: [
      { column: 'kind', type: 'text' },
      { column: 'owner_id', type: 'uuid' },
    ],
  },
];

/**
 * Live rows per organization and per value of the columns lists filter on with equality
 * (contacts: kind, status, owner; customers: kind, owner), kept by triggers in the writing
 * transaction like `record_count`. A list narrowed only by these columns sums a few counter rows
 * for its exact `total` instead of counting its matches up to the cap.
 *
 * A row moving between two counter rows bumps them in key order, so two moves in opposite
 * directions cannot deadlock; an update that changes no counted column fires nothing.
 * `refresh_facet_counts()` recomputes them after a bulk load that bypassed the triggers. The SQL
 * comes from `counted-tables.ts` (`installCountedTable` declares a new counted table in one call).
 */
export class FacetCount1764000008000 implements MigrationInterface {
  name = 'FacetCount1764000008000';

  async up(q: QueryRunner): Promise<void> {
    for (const counted of FACET_COUNTS) for (const sql of facetCountSchemaSql(counted)) await q.query(sql);
    await q.query(`
      CREATE FUNCTION refresh_facet_counts() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        ${FACET_COUNTS.map(refreshFacetCountSql).join('\n        ')}
      END
      $$`);
    await q.query(`SELECT refresh_facet_counts()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS refresh_facet_counts()`);
    for (const counted of FACET_COUNTS) for (const sql of dropFacetCountSql(counted)) await q.query(sql);
  }
}
