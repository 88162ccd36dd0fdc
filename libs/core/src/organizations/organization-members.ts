import type { Transaction } from '../database/unit-of-work';
import { NotFoundError } from '../errors/domain-error';
import { MembershipEntity } from '../tenancy/entities/membership.entity';
import type { UserEntity } from '../tenancy/entities/user.entity';

/**
 * The users named by `userIds` (owners, assignees, …), each of whom must be a member of the
 * organization; any other id is a 404 `USER_NOT_FOUND` naming `field`, as the user's record would be, so a body
 * cannot attach a stranger.
 */
export async function findOrganizationMembers(
  tx: Transaction,
  organizationId: string,
  userIds: readonly string[],
  field: string,
): Promise<UserEntity[]> {
  const wanted = [...new Set(userIds.map((id) => id.toLowerCase()))];
  if (wanted.length === 0) return [];
  const memberships = await tx
    .repository(MembershipEntity)
    .query('membership', 'visible')
    .innerJoinAndSelect('membership.user', 'user')
    .andWhere('membership.organizationId = :organizationId', { organizationId })
    .andWhere('membership.userId = ANY(:userIds)', { userIds: wanted })
    .getMany();
  const users = new Map<string, UserEntity>();
  for (const membership of memberships)
    if (membership.user !== undefined) users.set(membership.userId, membership.user);
  const strangers = wanted.filter((id) => !users.has(id));
  if (strangers.length > 0) {
    throw new NotFoundError(
      'USER',
      strangers[0],
      field,
      `${field}: ${strangers.join(', ')} ${strangers.length === 1 ? 'is not a member' : 'are not members'} of the organization`,
    );
  }
  return wanted.flatMap((id) => users.get(id) ?? []);
}
