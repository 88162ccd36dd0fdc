import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../database/unit-of-work';
import { RoleEntity } from '../../tenancy/entities/role.entity';
import { assertGrantsHeldSomewhere } from '../grants-assignable';
import { assertNotBuiltInName } from '../role-rules';
import { CreateRoleCommand } from './create-role.command';
import { RoleCreated, roleSnapshot } from '../events/role.events';

/** A tenant-defined role, with any subset of the grants the actor holds where they manage members. */
@CommandHandler(CreateRoleCommand)
export class CreateRoleHandler implements ICommandHandler<CreateRoleCommand, RoleEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ input }: CreateRoleCommand): Promise<RoleEntity> {
    return this.uow.run(async (tx) => {
      assertNotBuiltInName(input.name);
      assertGrantsHeldSomewhere(tx.scope, input.grants, tx.scope.grantedOrganizationIds);
      const roles = tx.repository(RoleEntity);
      const role = await roles.save(
        roles.create({
          name: input.name,
          description: input.description ?? null,
          grants: [...input.grants].sort(),
          builtIn: false,
        }),
      );
      await tx.publish(RoleCreated, { entityId: role.id, organizationId: null, after: roleSnapshot(role) });
      return role;
    });
  }
}
