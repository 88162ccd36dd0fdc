import type { MigrationInterface, QueryRunner } from 'typeorm';
import { type CountedTableDeclaration, declareCountedTableRefresh, refreshFacetCountSql } from '../counted-tables';

/** Counter rows per organization and table: concurrent writers land on different ones. */
const SLOTS = 8;

/** The tables migrations 1764000005000 and 1764000008000 count, as those declared them. */
const COUNTED: readonly CountedTableDeclaration[] = [
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
 * Every insert or delete in an organization bumped that organization's one `record_count` row,
 * whose lock then queued every other writer there until commit (a bulk import blocked the
 * organization's other writes). The count is now spread over 8 slots per organization and
 * table, chosen by the writing transaction's id (`txid_current() % 8`): one transaction always
 * uses one slot, concurrent ones mostly different slots, and readers sum the slots (the read
 * was a `sum` already). A slot may go negative (a row counted in by one transaction and out by
 * another); only the sum means anything.
 *
 * `counted_table` lists the counted tables, so `refresh_counts()` (and `refresh_record_counts()`,
 * `refresh_facet_counts()`) rebuild every one of them, including those a later migration
 * declares with `installCountedTable`; a refresh folds the slots back into one row.
 */
export class SpreadRecordCount1764000011000 implements MigrationInterface {
  name = 'SpreadRecordCount1764000011000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE record_count ADD COLUMN slot smallint NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE record_count DROP CONSTRAINT record_count_pkey`);
    await q.query(`ALTER TABLE record_count ADD PRIMARY KEY (tenant_id, organization_id, entity, slot)`);
    await q.query(`
      CREATE OR REPLACE FUNCTION bump_record_count(t uuid, o uuid, e text, delta int) RETURNS void LANGUAGE sql AS $$
        INSERT INTO record_count (tenant_id, organization_id, entity, slot, count)
        VALUES (t, o, e, (txid_current() % ${SLOTS})::smallint, delta)
        ON CONFLICT (tenant_id, organization_id, entity, slot) DO UPDATE SET count = record_count.count + delta
      $$`);

    await q.query(`CREATE TABLE counted_table (name text PRIMARY KEY)`);
    for (const counted of COUNTED) await declareCountedTableRefresh(q, counted);
    await q.query(`
      CREATE OR REPLACE FUNCTION refresh_record_counts() RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        counted name;
      BEGIN
        FOR counted IN SELECT counted_table.name FROM counted_table ORDER BY 1 LOOP
          EXECUTE format('SELECT %I()', 'refresh_' || counted || '_record_count');
        END LOOP;
      END
      $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION refresh_facet_counts() RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        counted name;
      BEGIN
        FOR counted IN SELECT counted_table.name FROM counted_table ORDER BY 1 LOOP
          EXECUTE format('SELECT %I()', 'refresh_' || counted || '_facet_count');
        END LOOP;
      END
      $$`);
    await q.query(`
      CREATE FUNCTION refresh_counts() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM refresh_record_counts();
        PERFORM refresh_facet_counts();
      END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS refresh_counts()`);
    for (const { table } of COUNTED) {
      await q.query(`DROP FUNCTION IF EXISTS refresh_${table}_facet_count()`);
      await q.query(`DROP FUNCTION IF EXISTS refresh_${table}_record_count()`);
    }
    await q.query(`DROP TABLE IF EXISTS counted_table`);
    // The functions as migrations 1764000005000 and 1764000008000 left them.
    await q.query(`
      CREATE OR REPLACE FUNCTION refresh_facet_counts() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        ${COUNTED.map(refreshFacetCountSql).join('\n        ')}
      END
      $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION refresh_record_counts() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM record_count;
        ${COUNTED.map(
          ({ table }) => `INSERT INTO record_count (tenant_id, organization_id, entity, count)
          SELECT tenant_id, organization_id, '${table}', count(*) FROM ${table}
           WHERE deleted_at IS NULL GROUP BY tenant_id, organization_id;`,
        ).join('\n        ')}
      END
      $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION bump_record_count(t uuid, o uuid, e text, delta int) RETURNS void LANGUAGE sql AS $$
        INSERT INTO record_count (tenant_id, organization_id, entity, count) VALUES (t, o, e, delta)
        ON CONFLICT (tenant_id, organization_id, entity) DO UPDATE SET count = record_count.count + delta
      $$`);
    // Fold the slots into slot 0 before the key loses its slot.
    await q.query(`
      WITH folded AS (
        DELETE FROM record_count WHERE slot <> 0 RETURNING tenant_id, organization_id, entity, count
      ), sums AS (
        SELECT tenant_id, organization_id, entity, sum(count) AS count FROM folded GROUP BY 1, 2, 3
      )
      INSERT INTO record_count AS kept (tenant_id, organization_id, entity, slot, count)
      SELECT tenant_id, organization_id, entity, 0, count FROM sums
      ON CONFLICT (tenant_id, organization_id, entity, slot) DO UPDATE SET count = kept.count + excluded.count`);
    await q.query(`ALTER TABLE record_count DROP CONSTRAINT record_count_pkey`);
    await q.query(`ALTER TABLE record_count DROP COLUMN slot`);
    await q.query(`ALTER TABLE record_count ADD PRIMARY KEY (tenant_id, organization_id, entity)`);
  }
}
