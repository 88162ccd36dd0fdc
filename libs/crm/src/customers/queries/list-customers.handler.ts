import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { countedTotal, type Page, paginate, ScopedReader, UnitOfWork } from '@clientele/core';
import { readTypoTolerant } from '../../search';
import { applyCustomerFilters, CUSTOMER_SORTS, customerFacets, customerSearch } from '../customer-filters';
import type { CustomerView } from '../customer-view';
import { customerView, selectCustomerView } from '../customer-views';
import { CustomerEntity } from '../entities/customer.entity';
import { ListCustomersQuery } from './list-customers.query';

/**
 * Customers with their tags and figures, filtered, paged, sorted: one statement. A `q` forgives
 * typos and, unless a sort is asked for, puts exact then prefix name or domain matches first.
 */
@QueryHandler(ListCustomersQuery)
export class ListCustomersHandler implements IQueryHandler<ListCustomersQuery, Page<CustomerView>> {
  constructor(
    private readonly reader: ScopedReader,
    private readonly uow: UnitOfWork,
  ) {}

  execute({ params }: ListCustomersQuery): Promise<Page<CustomerView>> {
    const search = customerSearch('customer', params.q);
    return readTypoTolerant(this.uow, this.reader, search?.typoTolerant === true, (source) => {
      const customers = source.repository(CustomerEntity);
      const { scope } = customers;
      const qb = applyCustomerFilters(customers.query('customer'), params);
      return paginate(selectCustomerView(qb), params, CUSTOMER_SORTS, 'name', {
        total: countedTotal('customer', scope.tenantId, scope.grantedOrganizationIds, customerFacets(params)),
        item: customerView,
        ...(search !== undefined && params.sort === undefined
          ? { rank: { sql: search.rank, parameters: search.parameters } }
          : {}),
      });
    });
  }
}
