import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DriverUtils } from 'typeorm/driver/DriverUtils';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { withRememberedText } from './query-text';

/** A row as the driver returned it: the entity's columns and any added with `addSelect`. */
export type RawRow = Readonly<Record<string, unknown>>;

/** An entity read by `readRows`, beside the raw row it came from. */
export interface ReadRow<T> {
  readonly entity: T;
  readonly raw: RawRow;
}

interface HydratedColumn {
  readonly column: ColumnMetadata;
  /** The column's alias in the raw row, as TypeORM names it (`<alias>_<column>`, hashed when long). */
  readonly key: string;
  /** Set as pg parsed it: TypeORM's hydration would hand the value back unchanged. */
  readonly asParsed: boolean;
}

/**
 * Column types whose value node-postgres already parses to what the entity holds (strings,
 * numbers, booleans, Dates, parsed JSON): TypeORM's `prepareHydratedValue` returns them as they
 * are. Any other type, an embedded column or a transformer goes through TypeORM.
 */
const PARSED_AS_IS = new Set<unknown>([
  String,
  Number,
  Boolean,
  Date,
  'uuid',
  'text',
  'char',
  'varchar',
  'int',
  'integer',
  'bigint',
  'numeric',
  'boolean',
  'timestamp',
  'timestamptz',
  'timestamp with time zone',
  'jsonb',
  'json',
]);

function parsedAsIs(column: ColumnMetadata): boolean {
  return (
    column.embeddedMetadata === undefined &&
    column.transformer === undefined &&
    !column.isArray &&
    PARSED_AS_IS.has(column.type)
  );
}

/**
 * Runs the query and makes each row's entity from the main alias's columns, keeping the raw row
 * for what the caller added (e.g. relations embedded as JSON). TypeORM's own hydration
 * (`getRawAndEntities`) regroups rows for joined relations, which these one-row-per-record
 * reads never have; it was the largest share of the framework's CPU on a list page. Queries
 * that do select joined relations are left to TypeORM. The SQL text is built once per query
 * shape (`queryText`).
 */
export async function readRows<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<ReadRow<T>[]> {
  const { mainAlias, joinAttributes } = qb.expressionMap;
  if (mainAlias === undefined) throw new Error('readRows needs a query with a main entity');
  const driver = qb.connection.driver;
  const metadata = mainAlias.metadata;
  const keyOf = (column: ColumnMetadata): string =>
    DriverUtils.buildAlias(driver, undefined, mainAlias.name, column.databaseName);
  if (joinAttributes.some((join) => join.isSelected)) return readJoinedRows(qb, metadata.primaryColumns, keyOf);

  const columns: HydratedColumn[] = metadata.columns.map((column) => ({
    column,
    key: keyOf(column),
    asParsed: parsedAsIs(column),
  }));
  const rows = await withRememberedText(qb).getRawMany<RawRow>();
  return rows.map((raw) => {
    const entity = metadata.create() as Record<string, unknown>;
    for (const { column, key, asParsed } of columns) {
      const value = raw[key];
      // A column left out of the select (e.g. `select: false`) is absent, not null.
      if (value === undefined) continue;
      if (asParsed) entity[column.propertyName] = value;
      else column.setEntityValue(entity, driver.prepareHydratedValue(value, column));
    }
    return { entity: entity as T, raw };
  });
}

/** With joined relations selected, TypeORM hydrates (and regroups); each entity gets its first raw row. */
async function readJoinedRows<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  primaryColumns: readonly ColumnMetadata[],
  keyOf: (column: ColumnMetadata) => string,
): Promise<ReadRow<T>[]> {
  const identify = (values: (column: ColumnMetadata) => unknown): string =>
    JSON.stringify(primaryColumns.map((column) => values(column)));
  const { entities, raw } = await qb.getRawAndEntities<RawRow>();
  const rawByKey = new Map<string, RawRow>();
  for (const row of raw) {
    const key = identify((column) => row[keyOf(column)]);
    if (!rawByKey.has(key)) rawByKey.set(key, row);
  }
  return entities.map((entity) => ({
    entity,
    raw: rawByKey.get(identify((column) => column.getEntityValue(entity))) ?? {},
  }));
}
