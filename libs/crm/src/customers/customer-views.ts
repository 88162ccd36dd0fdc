import type { RawRow } from '@clientele/core';
import type { SelectQueryBuilder } from 'typeorm';
import { type TagSummary, tagSummariesSql } from '../tags';
import { customerColumnSelects, readCustomerColumns } from './customer-columns';
import { contactCountSql } from './customer-stats';
import { CUSTOMER_TAGS } from './customer-tags';
import type { CustomerView } from './customer-view';
import type { CustomerEntity } from './entities/customer.entity';

const TAGS = 'view_tags';
const CONTACT_COUNT = 'view_contact_count';

/** Adds a customer's tags and figures (its own and the registered columns') to its query, as columns of the same statement. */
export function selectCustomerView(qb: SelectQueryBuilder<CustomerEntity>): SelectQueryBuilder<CustomerEntity> {
  qb.addSelect(tagSummariesSql(CUSTOMER_TAGS, qb.alias), TAGS).addSelect(contactCountSql(qb.alias), CONTACT_COUNT);
  for (const column of customerColumnSelects(qb.alias)) qb.addSelect(column.sql, column.alias);
  return qb;
}

/** The customer with what `selectCustomerView` added, from its raw row. */
export function customerView(customer: CustomerEntity, raw: RawRow): CustomerView {
  return {
    customer,
    tags: raw[TAGS] as TagSummary[],
    stats: { contactCount: Number(raw[CONTACT_COUNT]), ...readCustomerColumns(raw) },
  };
}
