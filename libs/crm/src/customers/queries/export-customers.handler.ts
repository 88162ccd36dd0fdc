import type { Readable } from 'node:stream';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { parseSort, RowExporter, ScopedReader } from '@clientele/core';
import { tagNamesSql } from '../../tags';
import { customerColumnSelects } from '../customer-columns';
import { customerExportColumns, type CustomerExportRow } from '../customer-export-columns';
import { contactCountSql } from '../customer-stats';
import { applyCustomerFilters, CUSTOMER_SORTS } from '../customer-filters';
import { CUSTOMER_TAGS } from '../customer-tags';
import { CustomerEntity } from '../entities/customer.entity';
import { ExportCustomersQuery } from './export-customers.query';

/** The whole filtered customer list as CSV or NDJSON, streamed from a cursor; paging ignored. */
@QueryHandler(ExportCustomersQuery)
export class ExportCustomersHandler implements IQueryHandler<ExportCustomersQuery, Readable> {
  constructor(
    private readonly reader: ScopedReader,
    private readonly exporter: RowExporter,
  ) {}

  execute({ params, format }: ExportCustomersQuery): Promise<Readable> {
    const order = parseSort(params.sort, CUSTOMER_SORTS, 'name');
    const qb = applyCustomerFilters(this.reader.repository(CustomerEntity).query('customer'), params)
      .select('customer.id', 'id')
      .addSelect('customer.organizationId', 'organizationId')
      .addSelect('customer.name', 'name')
      .addSelect('customer.kind', 'kind')
      .addSelect('customer.primaryDomain', 'primaryDomain')
      .addSelect('customer.logoUrl', 'logoUrl')
      .addSelect('customer.ownerId', 'ownerId')
      .addSelect(contactCountSql('customer'), 'contactCount')
      .addSelect(tagNamesSql(CUSTOMER_TAGS, 'customer'), 'tags')
      .addSelect('customer.createdAt', 'createdAt')
      .addSelect('customer.updatedAt', 'updatedAt')
      .orderBy(`customer.${order.property}`, order.direction)
      .addOrderBy('customer.id', order.direction);
    for (const column of customerColumnSelects('customer')) qb.addSelect(column.sql, column.alias);
    return this.exporter.open<CustomerExportRow>(qb.getQueryAndParameters(), customerExportColumns(), format);
  }
}
