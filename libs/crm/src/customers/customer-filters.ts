import type { FacetValue } from '@clientele/core';
import type { SelectQueryBuilder } from 'typeorm';
import { type ListSearch, listSearch } from '../search';
import { whereTagged } from '../tags';
import { customerSearchText } from './customer-search-text';
import { CUSTOMER_TAGS } from './customer-tags';
import type { ListCustomersParams } from './dto/list-customers.params';
import type { CustomerEntity } from './entities/customer.entity';

/** The list's `q` on name and domain (`customer_search_trgm`), typo-forgiving; undefined when blank. */
export function customerSearch(alias: string, q: string | undefined): ListSearch | undefined {
  if (q === undefined || q.trim() === '') return undefined;
  const domain = `lower(${alias}.primaryDomain)`;
  return listSearch('customerQ', q, {
    text: customerSearchText(alias),
    exact: [`lower(${alias}.name)`, domain],
    prefix: [customerSearchText(alias), domain],
  });
}

/** The list's filters, shared by the JSON page and the export. */
export function applyCustomerFilters(
  qb: SelectQueryBuilder<CustomerEntity>,
  params: ListCustomersParams,
): SelectQueryBuilder<CustomerEntity> {
  const alias = qb.alias;
  const search = customerSearch(alias, params.q);
  if (search !== undefined) qb.andWhere(search.where, search.parameters);
  if (params.kind !== undefined) qb.andWhere(`${alias}.kind = :kind`, { kind: params.kind });
  if (params.ownerId !== undefined) qb.andWhere(`${alias}.ownerId = :ownerId`, { ownerId: params.ownerId });
  if (params.tag !== undefined) whereTagged(qb, CUSTOMER_TAGS, params.tag);
  return qb;
}

/**
 * The counted values (kind, owner) the list is narrowed by, when nothing else narrows it (none:
 * the unfiltered list); `undefined` when a search or a tag applies.
 */
export function customerFacets(params: ListCustomersParams): FacetValue[] | undefined {
  if ((params.q !== undefined && params.q.trim() !== '') || params.tag !== undefined) return undefined;
  const facets: FacetValue[] = [];
  if (params.kind !== undefined) facets.push({ column: 'kind', value: params.kind });
  if (params.ownerId !== undefined) facets.push({ column: 'owner_id', value: params.ownerId });
  return facets;
}

/** Sortable fields of the customer list. */
export const CUSTOMER_SORTS = { name: 'name', createdAt: 'createdAt', updatedAt: 'updatedAt' } as const;
