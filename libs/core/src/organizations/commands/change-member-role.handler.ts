import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../database/unit-of-work';
import { MembershipEntity } from '../../tenancy/entities/membership.entity';
import { findAssignableRole } from '../assignable-role';
import { assertNotLastAdmin, findMembership } from '../find-membership';
import { ChangeMemberRoleCommand } from './change-member-role.command';
import { MemberRoleChanged, membershipSnapshot } from '../events/organization.events';

/** Gives a member another role; the new grants apply from the member's next request. */
@CommandHandler(ChangeMemberRoleCommand)
export class ChangeMemberRoleHandler implements ICommandHandler<ChangeMemberRoleCommand, MembershipEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ organizationId, userId, input }: ChangeMemberRoleCommand): Promise<MembershipEntity> {
    return this.uow.run(async (tx) => {
      const membership = await findMembership(tx, organizationId, userId);
      const before = membershipSnapshot(membership);
      const role = await findAssignableRole(tx, organizationId, input);
      if (role.id !== membership.roleId) await assertNotLastAdmin(tx, membership);
      membership.roleId = role.id;
      membership.role = role;
      const saved = await tx.repository(MembershipEntity).save(membership);
      await tx.publish(MemberRoleChanged, {
        entityId: saved.id,
        organizationId,
        before,
        after: membershipSnapshot(saved),
      });
      return saved;
    });
  }
}
