import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../database/unit-of-work';
import { RoleEntity } from '../../tenancy/entities/role.entity';
import { assertGrantsHeldSomewhere } from '../grants-assignable';
import { findMutableRole } from '../find-role';
import { assertRoleChangeableByActor } from '../role-holders';
import { assertNotBuiltInName } from '../role-rules';
import { UpdateRoleCommand } from './update-role.command';
import { RoleUpdated, roleSnapshot } from '../events/role.events';

/** Renames a tenant role or replaces its grants; members holding it get the new grants on their next request. */
@CommandHandler(UpdateRoleCommand)
export class UpdateRoleHandler implements ICommandHandler<UpdateRoleCommand, RoleEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ roleId, input }: UpdateRoleCommand): Promise<RoleEntity> {
    return this.uow.run(async (tx) => {
      const role = await findMutableRole(tx, roleId);
      if (input.name !== undefined) assertNotBuiltInName(input.name);
      if (input.grants !== undefined)
        assertGrantsHeldSomewhere(tx.scope, input.grants, tx.scope.grantedOrganizationIds);
      await assertRoleChangeableByActor(tx, role, input.grants);
      const before = roleSnapshot(role);
      Object.assign(role, {
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(input.description === undefined ? {} : { description: input.description }),
        ...(input.grants === undefined ? {} : { grants: [...input.grants].sort() }),
      });
      const saved = await tx.repository(RoleEntity).save(role);
      await tx.publish(RoleUpdated, { entityId: role.id, organizationId: null, before, after: roleSnapshot(saved) });
      return saved;
    });
  }
}
