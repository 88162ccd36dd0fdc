import type { Transaction } from '../database/unit-of-work';
import { ConflictError, NotFoundError } from '../errors/domain-error';
import { BUILT_IN_ROLE_IDS } from '../permissions/built-in-roles';
import { MembershipEntity } from '../tenancy/entities/membership.entity';
import { OrganizationEntity } from '../tenancy/entities/organization.entity';

/** The membership of `userId` in an organization the request may act on (404 / 403 otherwise). */
export async function findMembership(
  tx: Transaction,
  organizationId: string,
  userId: string,
): Promise<MembershipEntity> {
  await tx.repository(OrganizationEntity).findOneOrFail(organizationId);
  const membership = await tx
    .repository(MembershipEntity)
    .query('membership', 'visible')
    .innerJoinAndSelect('membership.user', 'user')
    .innerJoinAndSelect('membership.role', 'role')
    .andWhere('membership.organizationId = :organizationId', { organizationId })
    .andWhere('membership.userId = :userId', { userId })
    .getOne();
  if (membership === null) throw new NotFoundError('MEMBER', userId);
  return membership;
}

/** An organization keeps at least one ADMIN: the last one can be neither removed nor demoted. */
export async function assertNotLastAdmin(tx: Transaction, membership: MembershipEntity): Promise<void> {
  if (membership.roleId !== BUILT_IN_ROLE_IDS.ADMIN) return;
  // Locks the ADMIN rows so two concurrent removals cannot both see "another ADMIN is left".
  const admins = await tx
    .repository(MembershipEntity)
    .query('membership', 'visible')
    .andWhere('membership.organizationId = :organizationId', { organizationId: membership.organizationId })
    .andWhere('membership.roleId = :roleId', { roleId: BUILT_IN_ROLE_IDS.ADMIN })
    .setLock('pessimistic_write')
    .getMany();
  if (admins.length <= 1) {
    throw new ConflictError('LAST_ADMIN', 'An organization needs at least one ADMIN; add another ADMIN first.');
  }
}
