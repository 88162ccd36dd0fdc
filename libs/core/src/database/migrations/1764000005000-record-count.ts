import type { MigrationInterface, QueryRunner } from 'typeorm';

const COUNTED_TABLES = ['contact', 'customer'];

/**
 * Live row counts per organization, maintained by triggers in the writing transaction, so the
 * `total` of an unfiltered list is one indexed read instead of a `count(*)` that grows with the
 * organization. `refresh_record_counts()` recomputes them after a bulk load that bypassed triggers.
 */
export class RecordCount1764000005000 implements MigrationInterface {
  name = 'RecordCount1764000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE record_count (
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        entity text NOT NULL,
        count bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (tenant_id, organization_id, entity)
      )`);
    await q.query(`
      CREATE FUNCTION bump_record_count(t uuid, o uuid, e text, delta int) RETURNS void LANGUAGE sql AS $$
        INSERT INTO record_count (tenant_id, organization_id, entity, count) VALUES (t, o, e, delta)
        ON CONFLICT (tenant_id, organization_id, entity) DO UPDATE SET count = record_count.count + delta
      $$`);
    // Counts live (not soft-deleted) rows; a move between organizations counts out and in.
    await q.query(`
      CREATE FUNCTION track_record_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.deleted_at IS NULL THEN
          PERFORM bump_record_count(OLD.tenant_id, OLD.organization_id, TG_TABLE_NAME, -1);
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.deleted_at IS NULL THEN
          PERFORM bump_record_count(NEW.tenant_id, NEW.organization_id, TG_TABLE_NAME, 1);
        END IF;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE FUNCTION refresh_record_counts() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM record_count;
        ${COUNTED_TABLES.map(
          (table) => `INSERT INTO record_count (tenant_id, organization_id, entity, count)
          SELECT tenant_id, organization_id, '${table}', count(*) FROM ${table}
           WHERE deleted_at IS NULL GROUP BY tenant_id, organization_id;`,
        ).join('\n        ')}
      END
      $$`);
    for (const table of COUNTED_TABLES) {
      await q.query(`
        CREATE TRIGGER ${table}_record_count AFTER INSERT OR DELETE OR UPDATE OF deleted_at, organization_id, tenant_id
        ON ${table} FOR EACH ROW EXECUTE FUNCTION track_record_count()`);
    }
    await q.query(`SELECT refresh_record_counts()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of COUNTED_TABLES) await q.query(`DROP TRIGGER IF EXISTS ${table}_record_count ON ${table}`);
    await q.query(`DROP FUNCTION IF EXISTS refresh_record_counts()`);
    await q.query(`DROP FUNCTION IF EXISTS track_record_count()`);
    await q.query(`DROP FUNCTION IF EXISTS bump_record_count(uuid, uuid, text, int)`);
    await q.query(`DROP TABLE IF EXISTS record_count`);
  }
}
