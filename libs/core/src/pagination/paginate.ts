import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { queryText } from '../database/query-text';
import { type RawRow, readRows } from '../database/read-rows';
import { ValidationError } from '../errors/domain-error';
import { decodeCursor, encodeCursor } from './keyset-cursor';
import { Page } from './page';
import { DEFAULT_PAGE_SIZE, type PageParams } from './page-params.dto';

/**
 * Sortable fields of a list: public name → entity property. Each must be NOT NULL so keyset
 * comparisons are total; `id` is always appended as the tie-breaker.
 */
export type SortAllowList = Readonly<Record<string, string>>;

export interface SortOrder {
  readonly key: string;
  readonly property: string;
  readonly direction: 'ASC' | 'DESC';
}

export function parseSort(sort: string | undefined, allowed: SortAllowList, fallback: string): SortOrder {
  const raw = sort ?? fallback;
  const key = raw.startsWith('-') ? raw.slice(1) : raw;
  const property = allowed[key];
  if (property === undefined) {
    const options = Object.keys(allowed).flatMap((name) => [name, `-${name}`]);
    throw ValidationError.field('sort', `sort must be one of: ${options.join(', ')}`);
  }
  return { key: raw, property, direction: raw.startsWith('-') ? 'DESC' : 'ASC' };
}

/** Counting stops here: beyond it a filtered list answers `total: 10000, totalCapped: true`. */
export const TOTAL_COUNT_CAP = 10_000;

/** A scalar SQL subquery giving a list's `total`, with its named parameters. */
export interface TotalSql {
  readonly sql: string;
  readonly parameters: ObjectLiteral;
}

export interface PaginateOptions<T, R> {
  /**
   * How `total` is known: by default a count of the filtered query that stops at
   * `TOTAL_COUNT_CAP` (cost bounded whatever the organization's size); or a subquery for an
   * exact total kept elsewhere (e.g. `countedTotal` for a list narrowed only by counted columns).
   */
  readonly total?: TotalSql;
  /**
   * Makes an item of the page from its entity and its raw row, which carries the columns the
   * caller added with `addSelect` (e.g. relations embedded as JSON, so the page stays one statement).
   */
  readonly item?: (entity: T, raw: RawRow) => R;
  /**
   * An integer SQL expression the rows are ordered by first, ascending, before the sort (a
   * searched list's exact and prefix matches on top). The cursor carries each row's rank.
   */
  readonly rank?: { readonly sql: string; readonly parameters?: ObjectLiteral };
}

/** The raw column carrying the total on every row of a page. */
const PAGE_TOTAL = 'page_total';
/** The raw column carrying a ranked list's rank of the row. */
const PAGE_RANK = 'page_rank';

/**
 * The one way to list: sorts from an allow-list tie-broken by id, pages by offset or keyset
 * cursor, and counts the total of the same filtered query (capped) or takes it from `options`.
 * Rows, total and whatever the caller embedded come back in one statement (one round trip);
 * only a page past the end needs a second one for its total.
 */
export async function paginate<T extends ObjectLiteral & { id: string }, R = T>(
  qb: SelectQueryBuilder<T>,
  params: PageParams,
  allowed: SortAllowList,
  fallbackSort = '-createdAt',
  options: PaginateOptions<T, R> = {},
): Promise<Page<R>> {
  if (params.cursor !== undefined && params.offset !== undefined) {
    throw ValidationError.field('offset', 'send either offset or cursor, not both');
  }
  const alias = qb.alias;
  const order = parseSort(params.sort, allowed, fallbackSort);
  const limit = params.limit ?? DEFAULT_PAGE_SIZE;
  const total = options.total ?? cappedCountSql(qb.clone());

  const rank = options.rank;
  if (params.cursor !== undefined) {
    const position = decodeCursor(params.cursor, order.key);
    if ((position.rank === undefined) !== (rank === undefined)) {
      throw ValidationError.field('cursor', 'cursor was issued for another search; start again without cursor');
    }
    const comparator = order.direction === 'ASC' ? '>' : '<';
    const keyset = `(${alias}.${order.property}, ${alias}.id) ${comparator} (:cursorValue, :cursorId)`;
    qb.andWhere(
      rank === undefined ? keyset : `((${rank.sql}) > :cursorRank OR ((${rank.sql}) = :cursorRank AND ${keyset}))`,
      { cursorValue: position.value, cursorId: position.id, cursorRank: position.rank },
    );
  }
  if (rank !== undefined) {
    qb.addSelect(`(${rank.sql})`, PAGE_RANK)
      .setParameters(rank.parameters ?? {})
      .orderBy(PAGE_RANK, 'ASC');
  }
  qb.addSelect(`(${total.sql})`, PAGE_TOTAL).setParameters(total.parameters);
  (rank === undefined
    ? qb.orderBy(`${alias}.${order.property}`, order.direction)
    : qb.addOrderBy(`${alias}.${order.property}`, order.direction)
  )
    .addOrderBy(`${alias}.id`, order.direction)
    .limit(limit + 1)
    .offset(params.offset ?? 0);

  const rows = await readRows(qb);
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  const last = items.at(-1)?.entity;
  if (last !== undefined && last[order.property] === undefined) {
    throw new Error(`paginate: the sort property ${order.property} is not among the columns read`);
  }
  const nextCursor =
    hasMore && last !== undefined
      ? encodeCursor({
          sort: order.key,
          value: cursorValue(last[order.property]),
          id: last.id,
          ...(rank === undefined ? {} : { rank: Number(items.at(-1)?.raw[PAGE_RANK]) }),
        })
      : null;
  const counted = await pageTotal(qb, total, rows[0]?.raw, params);
  const capped = options.total === undefined && counted > TOTAL_COUNT_CAP;
  const item = options.item ?? ((entity: T) => entity as unknown as R);
  return new Page(
    items.map((row) => item(row.entity, row.raw)),
    capped ? TOTAL_COUNT_CAP : counted,
    nextCursor,
    capped,
  );
}

/** `count(*)` of the filtered query reading at most `TOTAL_COUNT_CAP + 1` rows. */
function cappedCountSql<T extends ObjectLiteral>(filtered: SelectQueryBuilder<T>): TotalSql {
  const limited = filtered.select('1').limit(TOTAL_COUNT_CAP + 1);
  return { sql: `SELECT count(*) FROM (${queryText(limited)}) capped`, parameters: limited.getParameters() };
}

/**
 * The total the page's statement carried; a page with no rows carried none, so past the end of
 * the list (offset or cursor) it is asked for on its own, and on the first page it is zero.
 */
async function pageTotal<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  total: TotalSql,
  firstRow: RawRow | undefined,
  params: PageParams,
): Promise<number> {
  if (firstRow !== undefined) return Number(firstRow[PAGE_TOTAL]);
  if (params.cursor === undefined && (params.offset ?? 0) === 0) return 0;
  // A fresh builder on the same connection (and transaction, if any).
  const row = await qb
    .createQueryBuilder()
    .select(`(${total.sql})`, PAGE_TOTAL)
    .from('(SELECT 1)', 'one')
    .setParameters(total.parameters)
    .getRawOne<RawRow>();
  return Number(row?.[PAGE_TOTAL] ?? 0);
}

function cursorValue(value: unknown): string | number {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'string') return value;
  return String(value);
}
