import type { CustomerStats } from './customer-stats';
import type { CustomerEntity } from './entities/customer.entity';

/** A customer with its tags loaded and the figures its rows show. */
export interface CustomerView {
  readonly customer: CustomerEntity;
  readonly stats: CustomerStats;
}
