import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
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

export interface PaginateOptions {
  /**
   * How `total` is known: by default a count of the filtered query that stops at
   * `TOTAL_COUNT_CAP` (cost bounded whatever the organization's size); a function for an exact
   * total kept elsewhere (e.g. `countRecords` for an unfiltered list).
   */
  readonly total?: () => Promise<number>;
}

/**
 * The one way to list: sorts from an allow-list tie-broken by id, pages by offset or keyset
 * cursor, and counts the total of the same filtered query (capped) or takes it from `options`.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  params: PageParams,
  allowed: SortAllowList,
  fallbackSort = '-createdAt',
  options: PaginateOptions = {},
): Promise<Page<T>> {
  if (params.cursor !== undefined && params.offset !== undefined) {
    throw ValidationError.field('offset', 'send either offset or cursor, not both');
  }
  const alias = qb.alias;
  const order = parseSort(params.sort, allowed, fallbackSort);
  const limit = params.limit ?? DEFAULT_PAGE_SIZE;
  const totalQuery = qb.clone();

  if (params.cursor !== undefined) {
    const position = decodeCursor(params.cursor, order.key);
    const comparator = order.direction === 'ASC' ? '>' : '<';
    qb.andWhere(`(${alias}.${order.property}, ${alias}.id) ${comparator} (:cursorValue, :cursorId)`, {
      cursorValue: position.value,
      cursorId: position.id,
    });
  }
  qb.orderBy(`${alias}.${order.property}`, order.direction)
    .addOrderBy(`${alias}.id`, order.direction)
    .limit(limit + 1)
    .offset(params.offset ?? 0);

  const [rows, [total, totalCapped]] = await Promise.all([
    qb.getMany(),
    options.total === undefined ? cappedCount(totalQuery) : options.total().then((exact) => [exact, false] as const),
  ]);
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  const last = items.at(-1);
  const nextCursor =
    hasMore && last !== undefined
      ? encodeCursor({ sort: order.key, value: cursorValue(last[order.property]), id: last.id })
      : null;
  return new Page(items, total, nextCursor, totalCapped);
}

/** `count(*)` of the query that reads at most `TOTAL_COUNT_CAP + 1` rows. */
async function cappedCount<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<readonly [number, boolean]> {
  const limited = qb.select('1').limit(TOTAL_COUNT_CAP + 1);
  // A fresh builder on the same connection (and transaction, if any) counts the limited rows.
  const row = await qb
    .createQueryBuilder()
    .select('count(*)::int', 'n')
    .from(`(${limited.getQuery()})`, 'capped')
    .setParameters(limited.getParameters())
    .getRawOne<{ n: number }>();
  const counted = row?.n ?? 0;
  return counted > TOTAL_COUNT_CAP ? [TOTAL_COUNT_CAP, true] : [counted, false];
}

function cursorValue(value: unknown): string | number {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'string') return value;
  return String(value);
}
