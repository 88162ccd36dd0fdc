import type { TotalSql } from './paginate';

/**
 * Live rows of `entity` (a table counted by the `record_count` triggers) in these organizations
 * of the tenant: the exact `total` of an unfiltered list at the price of one indexed read, made
 * inside the page's own statement.
 */
export function recordCountTotal(
  entity: 'contact' | 'customer',
  tenantId: string,
  organizationIds: readonly string[],
): TotalSql {
  return {
    sql: `SELECT coalesce(sum(record_count.count), 0) FROM record_count
           WHERE record_count.tenant_id = :recordCountTenantId
             AND record_count.organization_id = ANY(:recordCountOrganizationIds)
             AND record_count.entity = :recordCountEntity`,
    parameters: {
      recordCountTenantId: tenantId,
      recordCountOrganizationIds: [...organizationIds],
      recordCountEntity: entity,
    },
  };
}
