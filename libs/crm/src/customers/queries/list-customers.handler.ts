import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { countedTotal, type Page, paginate, ScopedReader } from '@clientele/core';
import { applyCustomerFilters, CUSTOMER_SORTS, customerFacets } from '../customer-filters';
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
      total: countedTotal('customer', scope.tenantId, scope.grantedOrganizationIds, customerFacets(params)),
      item: customerView,
    });
  }
}
