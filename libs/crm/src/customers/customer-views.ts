import type { ScopedReader } from '@clientele/core';
// The entity file, not the contact room's index: see customer-stats.ts.
import { ContactEntity } from '../organization-contact/entities/contact.entity';
import { loadTagsByRecord, TagEntity } from '../tags';
import { loadCustomerStats } from './customer-stats';
import { CUSTOMER_TAGS } from './customer-tags';
import type { CustomerView } from './customer-view';
import type { CustomerEntity } from './entities/customer.entity';

/** Customers with their tags and figures: two grouped queries for the lot, never one per row. */
export async function customerViews(
  reader: ScopedReader,
  customers: readonly CustomerEntity[],
): Promise<CustomerView[]> {
  const ids = customers.map((customer) => customer.id);
  // One after the other: a request holds one pooled connection at a time.
  const tags = await loadTagsByRecord(reader.repository(TagEntity), CUSTOMER_TAGS, ids);
  const stats = await loadCustomerStats(reader.repository(ContactEntity), ids);
  return customers.map((customer) => {
    customer.tags = tags.get(customer.id) ?? [];
    const customerStats = stats.get(customer.id);
    if (customerStats === undefined) throw new Error(`no stats loaded for customer ${customer.id}`);
    return { customer, stats: customerStats };
  });
}
