import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ScopedRepository } from './scoped-repository';

/**
 * Rows that reach into several organizations (`organizationIds`: API keys, webhooks) are the
 * tenant's, but an actor sees and changes only those whose every organization is one where they
 * hold the route's grant. One reaching into an organization they do not manage is a 404 to them.
 */
export function withinGrantedOrganizations<T extends ObjectLiteral & { id: string; tenantId: string | null }>(
  rows: ScopedRepository<T>,
  alias: string,
): SelectQueryBuilder<T> {
  return rows.query(alias).andWhere(`${alias}.organizationIds <@ CAST(:grantedOrganizationSet AS uuid[])`, {
    grantedOrganizationSet: rows.scope.grantedOrganizationIds,
  });
}
