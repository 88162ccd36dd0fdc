import type { SelectQueryBuilder } from 'typeorm';
import { withinGrantedOrganizations } from '../tenancy/granted-organization-set';
import type { ScopedRepository } from '../tenancy/scoped-repository';
import type { ApiKeyEntity } from './entities/api-key.entity';

/**
 * Keys are the tenant's, but one reaches into organizations: an actor sees and revokes only
 * keys whose every organization is one where they hold API_KEYS_MANAGE. A key reaching into
 * an organization they do not manage is a 404 to them.
 */
export function manageableApiKeys(
  keys: ScopedRepository<ApiKeyEntity>,
  alias = 'key',
): SelectQueryBuilder<ApiKeyEntity> {
  return withinGrantedOrganizations(keys, alias);
}
