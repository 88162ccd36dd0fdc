import type { TagSummary } from '../tags';
import type { CustomerStats } from './customer-stats';
import type { CustomerEntity } from './entities/customer.entity';

/** A customer with its tags and the figures its rows show. */
export interface CustomerView {
  readonly customer: CustomerEntity;
  readonly tags: readonly TagSummary[];
  readonly stats: CustomerStats;
}
