import { escapeLike } from '@clientele/core';
import type { SelectQueryBuilder } from 'typeorm';
import { whereTagged } from '../tags';
import { customerSearchText } from './customer-search-text';
import { CUSTOMER_TAGS } from './customer-tags';
import type { ListCustomersParams } from './dto/list-customers.params';
import type { CustomerEntity } from './entities/customer.entity';

/** The list's filters, shared by the JSON page and the export. */
export function applyCustomerFilters(
  qb: SelectQueryBuilder<CustomerEntity>,
  params: ListCustomersParams,
): SelectQueryBuilder<CustomerEntity> {
  const alias = qb.alias;
  if (params.q !== undefined && params.q.trim() !== '') {
    qb.andWhere(`${customerSearchText(alias)} LIKE :customerQ`, {
      customerQ: `%${escapeLike(params.q.trim().toLowerCase())}%`,
    });
  }
  if (params.kind !== undefined) qb.andWhere(`${alias}.kind = :kind`, { kind: params.kind });
  if (params.ownerId !== undefined) qb.andWhere(`${alias}.ownerId = :ownerId`, { ownerId: params.ownerId });
  if (params.tag !== undefined) whereTagged(qb, CUSTOMER_TAGS, params.tag);
  return qb;
}

/** True when no filter narrows the list: its total is then the live row count. */
export function isUnfilteredCustomerList(params: ListCustomersParams): boolean {
  return (
    (params.q === undefined || params.q.trim() === '') &&
    params.kind === undefined &&
    params.ownerId === undefined &&
    params.tag === undefined
  );
}

/** Sortable fields of the customer list. */
export const CUSTOMER_SORTS = { name: 'name', createdAt: 'createdAt', updatedAt: 'updatedAt' } as const;
