/**
 * A customer's searchable text, written exactly as the expression of its trigram index
 * (`customer_search_trgm` in migration 1764000001000) so PostgreSQL can use that index.
 * `entity` names the domain by property for TypeORM aliases; `sql` by column for raw subqueries.
 */
export function customerSearchText(alias: string, naming: 'entity' | 'sql' = 'entity'): string {
  const domain = naming === 'entity' ? 'primaryDomain' : 'primary_domain';
  return `lower(${alias}.name || ' ' || coalesce(${alias}.${domain}, ''))`;
}
