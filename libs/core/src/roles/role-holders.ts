import type { Transaction } from '../database/unit-of-work';
import { ForbiddenError } from '../errors/domain-error';
import { Permission } from '../permissions/permission.enum';
import { MembershipEntity } from '../tenancy/entities/membership.entity';
import type { RoleEntity } from '../tenancy/entities/role.entity';

/**
 * A tenant role is shared by every organization where it is held, so changing it changes those
 * organizations' members. Whoever edits or deletes it must, in each organization where anyone
 * holds it, manage members and hold every grant it carries now and will carry (else 403
 * `GRANT_NOT_HELD`): an ADMIN of one organization can neither raise nor strip the members of
 * another. The role is locked (`findMutableRole`) before this reads its holders, and an assignment
 * takes a share lock on it, so no holder can appear between this check and the write.
 */
export async function assertRoleChangeableByActor(
  tx: Transaction,
  role: RoleEntity,
  nextGrants: readonly Permission[] = role.grants,
): Promise<void> {
  const rows = await tx
    .unscopedManager()
    .createQueryBuilder(MembershipEntity, 'membership')
    .select('DISTINCT membership.organizationId', 'organizationId')
    .where('membership.tenantId = :tenantId', { tenantId: tx.scope.tenantId })
    .andWhere('membership.roleId = :roleId', { roleId: role.id })
    .getRawMany<{ organizationId: string }>();
  const needed = [...new Set([Permission.ORG_MEMBERS_MANAGE, ...role.grants, ...nextGrants])];
  const refused = rows.some(({ organizationId }) => {
    const held = tx.scope.actor.grantsIn(organizationId);
    return needed.some((grant) => !held.covers(grant));
  });
  if (refused) {
    // Which organizations is not said: the actor may not be a member of them.
    throw new ForbiddenError(
      'This role is held in organizations where you do not manage members or do not hold all of its grants.',
      'GRANT_NOT_HELD',
    );
  }
}
