import { Registry, type RegistryEntry } from '../registry/registry';
import type { TotalSql } from './paginate';

/** A counted column of a table, as its facet-count migration (`installCountedTable`) declared it. */
export interface CountedFacet {
  readonly column: string;
  /** Counted as `lower(column)`. */
  readonly lowerCase?: boolean;
}

/**
 * A table whose live rows triggers count, per organization (`record_count`) and per value of
 * its facets (`<table>_facet_count`): the table is the key.
 */
export interface CountedTable extends RegistryEntry {
  readonly facets: readonly CountedFacet[];
}

/**
 * The tables `countedTotal` may read counters of. The module owning a table registers it from
 * its own files, with the facets its migration counts (`installCountedTable`); an unregistered
 * table, or a column its migration does not count, is refused rather than summed from nothing.
 */
export const CountedTables = new Registry<CountedTable>('counted table');

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
function recordCountTotal(table: string, tenantId: string, organizationIds: readonly string[]): TotalSql {
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
  table: string,
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
  table: string,
  tenantId: string,
  organizationIds: readonly string[],
  facets: readonly FacetValue[] | undefined,
): TotalSql | undefined {
  const counted = CountedTables.get(table);
  if (facets === undefined) return undefined;
  for (const { column, lowerCase } of facets) {
    const facet = counted.facets.find((candidate) => candidate.column === column);
    if (facet === undefined || (facet.lowerCase ?? false) !== (lowerCase ?? false)) {
      throw new Error(`${table}.${column} is not counted${lowerCase === true ? ' in lower case' : ''}`);
    }
  }
  return facets.length === 0
    ? recordCountTotal(table, tenantId, organizationIds)
    : facetCountTotal(table, tenantId, organizationIds, facets);
}
