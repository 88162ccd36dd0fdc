import type { CustomerEntity } from './entities/customer.entity';

/** A customer as one of its contacts shows it. */
export type CustomerSummary = Pick<CustomerEntity, 'id' | 'name' | 'primaryDomain' | 'logoUrl'>;

/**
 * The live customer a record points to (`customerId`) as a JSON `CustomerSummary` or null, a
 * column of the record's own statement. `alias` is the record's alias in the query.
 */
export function customerSummarySql(alias: string): string {
  return `(SELECT json_build_object('id', summary_customer.id, 'name', summary_customer.name,
                                   'primaryDomain', summary_customer.primary_domain,
                                   'logoUrl', summary_customer.logo_url)
             FROM customer summary_customer
            WHERE summary_customer.id = "${alias}".customer_id AND summary_customer.tenant_id = "${alias}".tenant_id
              AND summary_customer.deleted_at IS NULL)`;
}
