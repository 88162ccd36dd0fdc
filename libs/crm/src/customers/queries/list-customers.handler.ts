import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { countRecords, type Page, paginate, ScopedReader } from '@clientele/core';
import { applyCustomerFilters, CUSTOMER_SORTS, isUnfilteredCustomerList } from '../customer-filters';
import type { CustomerView } from '../customer-view';
import { customerViews } from '../customer-views';
import { CustomerEntity } from '../entities/customer.entity';
import { ListCustomersQuery } from './list-customers.query';

@QueryHandler(ListCustomersQuery)
export class ListCustomersHandler implements IQueryHandler<ListCustomersQuery, Page<CustomerView>> {
  constructor(private readonly reader: ScopedReader) {}

  async execute({ params }: ListCustomersQuery): Promise<Page<CustomerView>> {
    const customers = this.reader.repository(CustomerEntity);
    const { scope } = customers;
    const qb = applyCustomerFilters(customers.query('customer'), params);
    const page = await paginate(qb, params, CUSTOMER_SORTS, 'name', {
      total: isUnfilteredCustomerList(params)
        ? () => countRecords(customers.manager, 'customer', scope.tenantId, scope.grantedOrganizationIds)
        : undefined,
    });
    return page.withItems(await customerViews(this.reader, page.items));
  }
}
