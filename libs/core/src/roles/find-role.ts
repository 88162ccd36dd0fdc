import type { EntityManager } from 'typeorm';
import type { Transaction } from '../database/unit-of-work';
import { NotFoundError } from '../errors/domain-error';
import { RoleEntity } from '../tenancy/entities/role.entity';
import { assertMutable } from './role-rules';
import { tenantRoles } from './tenant-roles';

/** A built-in role or one of the tenant's; another tenant's role is a 404. */
export async function findRole(manager: EntityManager, tenantId: string, roleId: string): Promise<RoleEntity> {
  const role = await tenantRoles(manager, tenantId).andWhere('role.id = :roleId', { roleId }).getOne();
  if (role === null) throw new NotFoundError('ROLE', roleId);
  return role;
}

/**
 * A tenant role a command changes: 409 `BUILT_IN_ROLE` for a built-in one, else locked (so a
 * concurrent assignment, which reads it with a share lock, cannot slip in between the in-use
 * check and the delete) and checked against `If-Match`.
 */
export async function findMutableRole(tx: Transaction, roleId: string): Promise<RoleEntity> {
  const builtIn = await tx.unscopedManager().findOneBy(RoleEntity, { id: roleId, builtIn: true });
  if (builtIn !== null) assertMutable(builtIn);
  return tx.repository(RoleEntity).findOneForUpdate(roleId);
}
