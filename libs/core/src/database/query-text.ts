import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ScopedSelectQueryBuilder } from '../tenancy/scoped-query-builder';

/** Shapes remembered at most; past that the memory starts over (a bound, not an LRU). */
const MAX_SHAPES = 500;

const texts = new Map<string, string>();
let checked = false;

/**
 * The test suite's switch: every remembered text is also built again by TypeORM and compared,
 * so a query whose shape the fingerprint misses fails loudly instead of running the wrong SQL.
 */
export function checkRememberedQueryTexts(enabled = true): void {
  checked = enabled;
}

/**
 * TypeORM's SQL text of a select (with `:named` parameters), built once per query shape.
 * Building it walks the entity's columns and rewrites property paths over the whole text with
 * regular expressions: a tenth of a list request's CPU, repeated for a text that only depends on
 * which filters, sort, page and relations the request asked for. Values are parameters and are
 * never part of the text. Only plain queries are remembered: one entity, no joins, CTEs, locks,
 * grouping or distinct; any other query is built as usual.
 */
export function queryText<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): string {
  const shape = shapeOf(qb);
  if (shape === undefined) return qb.getQuery();
  const remembered = texts.get(shape);
  if (remembered === undefined) {
    const text = qb.getQuery();
    if (texts.size >= MAX_SHAPES) texts.clear();
    texts.set(shape, text);
    return text;
  }
  if (checked && qb.getQuery() !== remembered) {
    throw new Error(`queryText: a remembered SQL text differs from TypeORM's for the shape ${shape}`);
  }
  return remembered;
}

/** Makes `qb` run with its remembered text: call it last, once the query is complete. */
export function withRememberedText<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  const text = queryText(qb);
  qb.getQuery = () => text;
  return qb;
}

/**
 * Everything TypeORM's `getQuery` reads for a plain select, as one string; undefined for a query
 * that is not plain. The entity's metadata is fixed at boot, so its table stands for it.
 */
function shapeOf<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): string | undefined {
  const map = qb.expressionMap;
  const main = map.mainAlias;
  if (
    main?.hasMetadata !== true ||
    map.aliases.length !== 1 ||
    map.subQuery ||
    map.joinAttributes.length > 0 ||
    map.relationIdAttributes.length > 0 ||
    map.commonTableExpressions.length > 0 ||
    map.groupBys.length > 0 ||
    map.havings.length > 0 ||
    map.selectDistinct ||
    map.selectDistinctOn.length > 0 ||
    map.lockMode !== undefined ||
    map.comment !== undefined
  ) {
    return undefined;
  }
  return JSON.stringify([
    main.metadata.tablePath,
    main.name,
    map.queryType,
    map.withDeleted,
    map.selects,
    map.wheres,
    map.orderBys,
    map.limit,
    map.offset,
    map.take,
    map.skip,
    map.extraAppendedAndWhereCondition,
    map.disableEscaping,
    map.aliasNamePrefixingEnabled,
    map.options,
    map.useIndex,
    map.maxExecutionTime,
    map.timeTravel,
    // The scope's conditions are kept apart from `wheres` (one organization or several).
    qb instanceof ScopedSelectQueryBuilder ? qb.scopeConditions : null,
  ]);
}
