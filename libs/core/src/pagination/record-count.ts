import type { TotalSql } from './paginate';

/** The tables whose live rows triggers count, per organization and per facet. */
export type CountedTable = 'contact' | 'customer' | 'deal';

/**
 * An equality filter on a column counted per value by `<table>_facet_count` (see the
 * facet-count migration): `lowerCase` for a column counted as `lower(value)`, which the list
 * compares case-insensitively.
 */
export interface FacetValue {
  readonly column: string;
  readonly value: string;
  readonly lowerCase?: boolean;
}

/**
 * Live rows of `table` in these organizations of the tenant: the exact `total` of an unfiltered
 * list at the price of one indexed read, made inside the page's own statement.
 */
function recordCountTotal(table: CountedTable, tenantId: string, organizationIds: readonly string[]): TotalSql {
  return {
    sql: `SELECT coalesce(sum(record_count.count), 0) FROM record_count
           WHERE record_count.tenant_id = :recordCountTenantId
             AND record_count.organization_id = ANY(:recordCountOrganizationIds)
             AND record_count.entity = :recordCountEntity`,
    parameters: {
      recordCountTenantId: tenantId,
      recordCountOrganizationIds: [...organizationIds],
      recordCountEntity: table,
    },
  };
}

/**
 * Live rows of `table` in these organizations matching every facet value: the exact `total` of
 * a list narrowed only by counted columns (e.g. kind + status + owner), summed from the few
 * counter rows of the organizations however many records match.
 */
function facetCountTotal(
  table: CountedTable,
  tenantId: string,
  organizationIds: readonly string[],
  facets: readonly FacetValue[],
): TotalSql {
  const parameters: Record<string, unknown> = {
    facetTenantId: tenantId,
    facetOrganizationIds: [...organizationIds],
  };
  const conditions = facets.map(({ column, value, lowerCase }, index) => {
    const name = `facetValue${index}`;
    parameters[name] = value;
    return lowerCase === true ? `facet.${column} = lower(:${name})` : `facet.${column} = :${name}`;
  });
  return {
    sql: `SELECT coalesce(sum(facet.count), 0) FROM ${table}_facet_count facet
           WHERE facet.tenant_id = :facetTenantId
             AND facet.organization_id = ANY(:facetOrganizationIds)
             ${conditions.map((condition) => `AND ${condition}`).join(' ')}`,
    parameters,
  };
}

/**
 * The exact total of a list narrowed by nothing but these facet values (none: the unfiltered
 * list), from the counters; `undefined` when another filter applies, leaving `paginate` to count
 * the filtered query up to its cap. The counters know organizations, not readers: a scope that
 * hid some rows of an organization from its reader would have to count instead.
 */
export function countedTotal(
  table: CountedTable,
  tenantId: string,
  organizationIds: readonly string[],
  facets: readonly FacetValue[] | undefined,
): TotalSql | undefined {
  if (facets === undefined) return undefined;
  return facets.length === 0
    ? recordCountTotal(table, tenantId, organizationIds)
    : facetCountTotal(table, tenantId, organizationIds, facets);
}
