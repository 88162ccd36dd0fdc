import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Page, paginate, ScopedReader } from '@clientele/core';
import { applyCustomerFilters, CUSTOMER_SORTS } from '../customer-filters';
import type { CustomerView } from '../customer-view';
import { customerViews } from '../customer-views';
import { CustomerEntity } from '../entities/customer.entity';
import { ListCustomersQuery } from './list-customers.query';

@QueryHandler(ListCustomersQuery)
export class ListCustomersHandler implements IQueryHandler<ListCustomersQuery, Page<CustomerView>> {
  constructor(private readonly reader: ScopedReader) {}

  async execute({ params }: ListCustomersQuery): Promise<Page<CustomerView>> {
    const qb = applyCustomerFilters(this.reader.repository(CustomerEntity).query('customer'), params);
    const page = await paginate(qb, params, CUSTOMER_SORTS, 'name');
    return new Page(await customerViews(this.reader, page.items), page.total, page.nextCursor);
  }
}
