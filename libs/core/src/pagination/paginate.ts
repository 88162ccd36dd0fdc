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

/**
 * The one way to list: sorts from an allow-list tie-broken by id, pages by offset or keyset
 * cursor, and counts the total of the same filtered query.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
  params: PageParams,
  allowed: SortAllowList,
  fallbackSort = '-createdAt',
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

  const [rows, total] = await Promise.all([qb.getMany(), totalQuery.getCount()]);
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  const last = items.at(-1);
  const nextCursor =
    hasMore && last !== undefined
      ? encodeCursor({ sort: order.key, value: cursorValue(last[order.property]), id: last.id })
      : null;
  return new Page(items, total, nextCursor);
}

function cursorValue(value: unknown): string | number {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'string') return value;
  return String(value);
}
