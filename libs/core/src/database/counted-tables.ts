import type { QueryRunner } from 'typeorm';

/** A column a list filters on with equality, counted per value. */
export interface CountedColumn {
  readonly column: string;
  readonly type: 'text' | 'uuid';
  /** Counted as `lower(column)`: the list filters on it case-insensitively. */
  readonly lowerCase?: boolean;
}

/** A table whose live rows are counted per organization and per value of its facets. */
export interface CountedTableDeclaration {
  readonly table: string;
  readonly facets: readonly CountedColumn[];
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function checked(declaration: CountedTableDeclaration): CountedTableDeclaration {
  for (const name of [declaration.table, ...declaration.facets.map(({ column }) => column)]) {
    if (!IDENTIFIER.test(name)) throw new Error(`counted table or column "${name}" is not a plain SQL identifier`);
  }
  return declaration;
}

const countsOf = ({ table }: CountedTableDeclaration): string => `${table}_facet_count`;

function keyColumns({ facets }: CountedTableDeclaration): string {
  return ['tenant_id', 'organization_id', ...facets.map(({ column }) => column)].join(', ');
}

/** The counter key of `row` (`OLD`, `NEW` or the table itself). */
function keyValues({ facets }: CountedTableDeclaration, row: string): string {
  const values = facets.map(({ column, lowerCase }) =>
    lowerCase === true ? `lower(${row}.${column})` : `${row}.${column}`,
  );
  return [`${row}.tenant_id`, `${row}.organization_id`, ...values].join(', ');
}

function bump(counted: CountedTableDeclaration, row: 'OLD' | 'NEW', delta: 1 | -1): string {
  return `INSERT INTO ${countsOf(counted)} AS counted (${keyColumns(counted)}, count)
          VALUES (${keyValues(counted, row)}, ${delta})
          ON CONFLICT (${keyColumns(counted)}) DO UPDATE SET count = counted.count + ${delta};`;
}

/**
 * The statements creating `<table>_facet_count` (live rows per organization and per value of the
 * facets) and the triggers keeping it in the writing transaction. A row moving between two
 * counter rows bumps them in key order, so two moves in opposite directions cannot deadlock; an
 * update that changes no counted column fires nothing.
 */
export function facetCountSchemaSql(declaration: CountedTableDeclaration): string[] {
  const counted = checked(declaration);
  const counts = countsOf(counted);
  const columns = counted.facets.map(({ column, type }) => `${column} ${type}`).join(', ');
  return [
    `CREATE TABLE ${counts} (tenant_id uuid NOT NULL, organization_id uuid NOT NULL, ${columns}, count bigint NOT NULL)`,
    `CREATE UNIQUE INDEX ${counts}_key ON ${counts} (${keyColumns(counted)}) NULLS NOT DISTINCT`,
    `
        CREATE FUNCTION track_${counts}() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          counted_before boolean := TG_OP <> 'INSERT' AND OLD.deleted_at IS NULL;
          counted_after boolean := TG_OP <> 'DELETE' AND NEW.deleted_at IS NULL;
        BEGIN
          IF counted_before AND counted_after AND ROW(${keyValues(counted, 'OLD')})::text > ROW(${keyValues(counted, 'NEW')})::text THEN
            ${bump(counted, 'NEW', 1)}
            ${bump(counted, 'OLD', -1)}
            RETURN NULL;
          END IF;
          IF counted_before THEN
            ${bump(counted, 'OLD', -1)}
          END IF;
          IF counted_after THEN
            ${bump(counted, 'NEW', 1)}
          END IF;
          RETURN NULL;
        END
        $$`,
    `
        CREATE TRIGGER ${counts}_write AFTER INSERT OR DELETE ON ${counted.table}
        FOR EACH ROW EXECUTE FUNCTION track_${counts}()`,
    `
        CREATE TRIGGER ${counts}_change AFTER UPDATE ON ${counted.table} FOR EACH ROW
        WHEN ((OLD.deleted_at IS NULL) IS DISTINCT FROM (NEW.deleted_at IS NULL)
              OR ROW(${keyValues(counted, 'OLD')}) IS DISTINCT FROM ROW(${keyValues(counted, 'NEW')}))
        EXECUTE FUNCTION track_${counts}()`,
  ];
}

/** The statements of a refresh function body recomputing `<table>_facet_count` from the rows. */
export function refreshFacetCountSql(declaration: CountedTableDeclaration): string {
  const counted = checked(declaration);
  return `DELETE FROM ${countsOf(counted)};
        INSERT INTO ${countsOf(counted)} (${keyColumns(counted)}, count)
          SELECT ${keyValues(counted, counted.table)}, count(*) FROM ${counted.table}
           WHERE deleted_at IS NULL GROUP BY ${keyValues(counted, counted.table)};`;
}

/** The statements dropping what `facetCountSchemaSql` created. */
export function dropFacetCountSql(declaration: CountedTableDeclaration): string[] {
  const counted = checked(declaration);
  const counts = countsOf(counted);
  return [
    `DROP TRIGGER IF EXISTS ${counts}_change ON ${counted.table}`,
    `DROP TRIGGER IF EXISTS ${counts}_write ON ${counted.table}`,
    `DROP FUNCTION IF EXISTS track_${counts}()`,
    `DROP TABLE IF EXISTS ${counts}`,
  ];
}

/**
 * `refresh_<table>_record_count()` and `refresh_<table>_facet_count()`, recomputing the table's
 * counters from its rows, and its row in `counted_table`, so `refresh_counts()` (and
 * `refresh_record_counts()`, `refresh_facet_counts()`) include it. Needs migration 1764000011000.
 */
export async function declareCountedTableRefresh(q: QueryRunner, declaration: CountedTableDeclaration): Promise<void> {
  const counted = checked(declaration);
  await q.query(`
      CREATE OR REPLACE FUNCTION refresh_${counted.table}_record_count() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM record_count WHERE entity = '${counted.table}';
        INSERT INTO record_count (tenant_id, organization_id, entity, slot, count)
          SELECT tenant_id, organization_id, '${counted.table}', 0, count(*) FROM ${counted.table}
           WHERE deleted_at IS NULL GROUP BY tenant_id, organization_id;
      END
      $$`);
  await q.query(`
      CREATE OR REPLACE FUNCTION refresh_${counted.table}_facet_count() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        ${counted.facets.length === 0 ? 'NULL;' : refreshFacetCountSql(counted)}
      END
      $$`);
  await q.query(`INSERT INTO counted_table (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, [counted.table]);
}

/**
 * Declares a counted table in a migration, in one call: its live rows counted per organization
 * (`record_count`, spread over slots) and per value of `facets` (`<table>_facet_count`), kept by
 * triggers in the writing transaction, with its refresh functions, counted from its rows now.
 * The module owning the table registers it at runtime too (`CountedTables.register`) so
 * `countedTotal` may read it.
 */
export async function installCountedTable(q: QueryRunner, declaration: CountedTableDeclaration): Promise<void> {
  const counted = checked(declaration);
  await q.query(`
        CREATE TRIGGER ${counted.table}_record_count AFTER INSERT OR DELETE OR UPDATE OF deleted_at, organization_id, tenant_id
        ON ${counted.table} FOR EACH ROW EXECUTE FUNCTION track_record_count()`);
  if (counted.facets.length > 0) for (const sql of facetCountSchemaSql(counted)) await q.query(sql);
  await declareCountedTableRefresh(q, counted);
  await q.query(`SELECT refresh_${counted.table}_record_count(), refresh_${counted.table}_facet_count()`);
}

/** Undoes `installCountedTable` (for a migration's `down`). */
export async function uninstallCountedTable(q: QueryRunner, declaration: CountedTableDeclaration): Promise<void> {
  const counted = checked(declaration);
  await q.query(`DELETE FROM counted_table WHERE name = $1`, [counted.table]);
  await q.query(`DROP FUNCTION IF EXISTS refresh_${counted.table}_facet_count()`);
  await q.query(`DROP FUNCTION IF EXISTS refresh_${counted.table}_record_count()`);
  if (counted.facets.length > 0) for (const sql of dropFacetCountSql(counted)) await q.query(sql);
  await q.query(`DROP TRIGGER IF EXISTS ${counted.table}_record_count ON ${counted.table}`);
  await q.query(`DELETE FROM record_count WHERE entity = $1`, [counted.table]);
}
