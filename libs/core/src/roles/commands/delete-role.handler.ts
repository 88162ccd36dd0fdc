import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../database/unit-of-work';
import { ConflictError } from '../../errors/domain-error';
import { MembershipEntity } from '../../tenancy/entities/membership.entity';
import { RoleEntity } from '../../tenancy/entities/role.entity';
import { findMutableRole } from '../find-role';
import { assertRoleChangeableByActor } from '../role-holders';
import { DeleteRoleCommand } from './delete-role.command';
import { RoleDeleted, roleSnapshot } from '../events/role.events';

/** Deletes a tenant role nobody holds; a role in use answers 409 `ROLE_IN_USE`. */
@CommandHandler(DeleteRoleCommand)
export class DeleteRoleHandler implements ICommandHandler<DeleteRoleCommand, void> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ roleId }: DeleteRoleCommand): Promise<void> {
    return this.uow.run(async (tx) => {
      const role = await findMutableRole(tx, roleId);
      // Before the in-use check, so its count never tells about organizations the actor cannot see.
      await assertRoleChangeableByActor(tx, role);
      // Counted across the whole tenant, not only the actor's organizations: the role is the tenant's.
      const members = await tx
        .unscopedManager()
        .countBy(MembershipEntity, { tenantId: tx.scope.tenantId, roleId: role.id });
      if (members > 0) {
        throw new ConflictError(
          'ROLE_IN_USE',
          `${members} member${members === 1 ? ' holds' : 's hold'} this role; give them another role first.`,
          { memberCount: members },
        );
      }
      const before = roleSnapshot(role);
      await tx.repository(RoleEntity).softRemove(role);
      await tx.publish(RoleDeleted, { entityId: role.id, organizationId: null, before });
    });
  }
}
