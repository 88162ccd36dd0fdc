import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../database/unit-of-work';
import { MembershipEntity } from '../../tenancy/entities/membership.entity';
import { assertNotLastAdmin, findMembership } from '../find-membership';
import { RemoveMemberCommand } from './remove-member.command';
import { MemberRemoved, membershipSnapshot } from '../events/organization.events';

/** Removes a member; their next request no longer sees the organization. */
@CommandHandler(RemoveMemberCommand)
export class RemoveMemberHandler implements ICommandHandler<RemoveMemberCommand, void> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ organizationId, userId }: RemoveMemberCommand): Promise<void> {
    return this.uow.run(async (tx) => {
      const membership = await findMembership(tx, organizationId, userId);
      await assertNotLastAdmin(tx, membership);
      const before = membershipSnapshot(membership);
      await tx.repository(MembershipEntity).softRemove(membership);
      await tx.publish(MemberRemoved, { entityId: membership.id, organizationId, before });
    });
  }
}
