import { Brackets, type EntityManager } from 'typeorm';
import { ValidationError } from '../errors/domain-error';
import { RoleEntity } from '../tenancy/entities/role.entity';

/** A built-in role or one of the tenant's own, by id or by name (case-insensitive). */
export async function findAssignableRole(
  manager: EntityManager,
  tenantId: string,
  ref: { role?: string; roleId?: string },
): Promise<RoleEntity> {
  const qb = manager
    .createQueryBuilder(RoleEntity, 'role')
    .where(
      new Brackets((where) => where.where('role.tenantId IS NULL').orWhere('role.tenantId = :tenantId', { tenantId })),
    );
  if (ref.roleId !== undefined) qb.andWhere('role.id = :roleId', { roleId: ref.roleId });
  else qb.andWhere('upper(role.name) = upper(:name)', { name: ref.role ?? '' });
  const role = await qb.getOne();
  if (role === null) {
    throw ValidationError.field(
      ref.roleId === undefined ? 'role' : 'roleId',
      'no such role in this tenant',
      'ROLE_NOT_FOUND',
    );
  }
  return role;
}
