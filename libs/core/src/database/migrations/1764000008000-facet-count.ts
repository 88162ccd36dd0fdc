import type { MigrationInterface, QueryRunner } from 'typeorm';

interface Facet {
  readonly column: string;
  readonly type: 'text' | 'uuid';
  /** Counted as `lower(column)`: the list filters on it case-insensitively. */
  readonly lowerCase?: boolean;
}

interface FacetCount {
  readonly table: string;
  readonly facets: readonly Facet[];
}

/** The columns lists filter on with equality, as this migration counts them. */
const FACET_COUNTS: readonly FacetCount[] = [
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

const countsOf = ({ table }: FacetCount): string => `${table}_facet_count`;

function keyColumns({ facets }: FacetCount): string {
  return ['tenant_id', 'organization_id', ...facets.map(({ column }) => column)].join(', ');
}

/** The counter key of `row` (`OLD`, `NEW` or the table itself). */
function keyValues({ facets }: FacetCount, row: string): string {
  const values = facets.map(({ column, lowerCase }) =>
    lowerCase === true ? `lower(${row}.${column})` : `${row}.${column}`,
  );
  return [`${row}.tenant_id`, `${row}.organization_id`, ...values].join(', ');
}

function bump(counted: FacetCount, row: 'OLD' | 'NEW', delta: 1 | -1): string {
  return `INSERT INTO ${countsOf(counted)} AS counted (${keyColumns(counted)}, count)
          VALUES (${keyValues(counted, row)}, ${delta})
          ON CONFLICT (${keyColumns(counted)}) DO UPDATE SET count = counted.count + ${delta};`;
}

/**
 * Live rows per organization and per value of the columns lists filter on with equality
 * (contacts: kind, status, owner; customers: kind, owner), kept by triggers in the writing
 * transaction like `record_count`. A list narrowed only by these columns sums a few counter rows
 * for its exact `total` instead of counting its matches up to the cap.
 *
 * A row moving between two counter rows bumps them in key order, so two moves in opposite
 * directions cannot deadlock; an update that changes no counted column fires nothing.
 * `refresh_facet_counts()` recomputes them after a bulk load that bypassed the triggers.
 */
export class FacetCount1764000008000 implements MigrationInterface {
  name = 'FacetCount1764000008000';

  async up(q: QueryRunner): Promise<void> {
    for (const counted of FACET_COUNTS) {
      const counts = countsOf(counted);
      const columns = counted.facets.map(({ column, type }) => `${column} ${type}`).join(', ');
      await q.query(
        `CREATE TABLE ${counts} (tenant_id uuid NOT NULL, organization_id uuid NOT NULL, ${columns}, count bigint NOT NULL)`,
      );
      await q.query(`CREATE UNIQUE INDEX ${counts}_key ON ${counts} (${keyColumns(counted)}) NULLS NOT DISTINCT`);
      await q.query(`
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
        $$`);
      await q.query(`
        CREATE TRIGGER ${counts}_write AFTER INSERT OR DELETE ON ${counted.table}
        FOR EACH ROW EXECUTE FUNCTION track_${counts}()`);
      await q.query(`
        CREATE TRIGGER ${counts}_change AFTER UPDATE ON ${counted.table} FOR EACH ROW
        WHEN ((OLD.deleted_at IS NULL) IS DISTINCT FROM (NEW.deleted_at IS NULL)
              OR ROW(${keyValues(counted, 'OLD')}) IS DISTINCT FROM ROW(${keyValues(counted, 'NEW')}))
        EXECUTE FUNCTION track_${counts}()`);
    }
    await q.query(`
      CREATE FUNCTION refresh_facet_counts() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        ${FACET_COUNTS.map(
          (counted) => `DELETE FROM ${countsOf(counted)};
        INSERT INTO ${countsOf(counted)} (${keyColumns(counted)}, count)
          SELECT ${keyValues(counted, counted.table)}, count(*) FROM ${counted.table}
           WHERE deleted_at IS NULL GROUP BY ${keyValues(counted, counted.table)};`,
        ).join('\n        ')}
      END
      $$`);
    await q.query(`SELECT refresh_facet_counts()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS refresh_facet_counts()`);
    for (const counted of FACET_COUNTS) {
      const counts = countsOf(counted);
      await q.query(`DROP TRIGGER IF EXISTS ${counts}_change ON ${counted.table}`);
      await q.query(`DROP TRIGGER IF EXISTS ${counts}_write ON ${counted.table}`);
      await q.query(`DROP FUNCTION IF EXISTS track_${counts}()`);
      await q.query(`DROP TABLE IF EXISTS ${counts}`);
    }
  }
}
