import { Brackets, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { RoleEntity } from '../tenancy/entities/role.entity';

/**
 * The roles a tenant can use: the built-in ones (shared, no tenant) and its own. Built-in roles
 * are not tenant data, so this is the one role query that is not a plain scoped repository.
 * Soft-deleted roles are left out by TypeORM (`deletedAt`).
 */
export function tenantRoles(manager: EntityManager, tenantId: string, alias = 'role'): SelectQueryBuilder<RoleEntity> {
  return manager
    .createQueryBuilder(RoleEntity, alias)
    .where(
      new Brackets((where) =>
        where
          .where(`${alias}.tenantId IS NULL`)
          .orWhere(`${alias}.tenantId = :rolesTenantId`, { rolesTenantId: tenantId }),
      ),
    );
}
