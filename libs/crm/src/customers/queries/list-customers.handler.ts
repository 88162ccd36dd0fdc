import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Page, paginate, recordCountTotal, ScopedReader } from '@clientele/core';
import { applyCustomerFilters, CUSTOMER_SORTS, isUnfilteredCustomerList } from '../customer-filters';
import type { CustomerView } from '../customer-view';
import { customerView, selectCustomerView } from '../customer-views';
import { CustomerEntity } from '../entities/customer.entity';
import { ListCustomersQuery } from './list-customers.query';

/** Customers with their tags and figures, filtered, paged, sorted: one statement. */
@QueryHandler(ListCustomersQuery)
export class ListCustomersHandler implements IQueryHandler<ListCustomersQuery, Page<CustomerView>> {
  constructor(private readonly reader: ScopedReader) {}

  execute({ params }: ListCustomersQuery): Promise<Page<CustomerView>> {
    const customers = this.reader.repository(CustomerEntity);
    const { scope } = customers;
    const qb = applyCustomerFilters(customers.query('customer'), params);
    return paginate(selectCustomerView(qb), params, CUSTOMER_SORTS, 'name', {
      total: isUnfilteredCustomerList(params)
        ? recordCountTotal('customer', scope.tenantId, scope.grantedOrganizationIds)
        : undefined,
      item: customerView,
    });
  }
}
