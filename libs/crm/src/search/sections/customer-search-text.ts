/**
 * A customer's searchable text, written exactly as the expression of its trigram index
 * (`customer_search_trgm` in migration 1764000001000) so PostgreSQL can use that index.
 */
export function customerSearchText(alias: string): string {
  return `lower(${alias}.name || ' ' || coalesce(${alias}.primaryDomain, ''))`;
}
