import { Brackets } from 'typeorm';
import type { Transaction } from '../database/unit-of-work';
import { ValidationError } from '../errors/domain-error';
import { assertGrantsAssignable } from '../roles/grants-assignable';
import { RoleEntity } from '../tenancy/entities/role.entity';

/**
 * A built-in role or one of the tenant's own, by id or by name (case-insensitive), that the
 * actor may hand out in `organizationId`: its grants must all be the actor's there
 * (403 `GRANT_NOT_HELD`), so nobody can give themselves or others more than they hold.
 */
export async function findAssignableRole(
  tx: Transaction,
  organizationId: string,
  ref: { role?: string; roleId?: string },
): Promise<RoleEntity> {
  const tenantId = tx.scope.tenantId;
  const qb = tx
    .unscopedManager()
    .createQueryBuilder(RoleEntity, 'role')
    .where(
      new Brackets((where) => where.where('role.tenantId IS NULL').orWhere('role.tenantId = :tenantId', { tenantId })),
    );
  if (ref.roleId !== undefined) qb.andWhere('role.id = :roleId', { roleId: ref.roleId });
  else qb.andWhere('upper(role.name) = upper(:name)', { name: ref.role ?? '' });
  // A share lock: deleting the role (which locks it for update) waits, then sees this membership.
  const role = await qb.setLock('pessimistic_read').getOne();
  if (role === null) {
    throw ValidationError.field(
      ref.roleId === undefined ? 'role' : 'roleId',
      'no such role in this tenant',
      'ROLE_NOT_FOUND',
    );
  }
  assertGrantsAssignable(tx.scope, role.grants, [organizationId]);
  return role;
}
