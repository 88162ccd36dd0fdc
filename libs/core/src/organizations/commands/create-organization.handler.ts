import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../database/unit-of-work';
import { BUILT_IN_ROLE_IDS } from '../../permissions/built-in-roles';
import { MembershipEntity } from '../../tenancy/entities/membership.entity';
import { OrganizationEntity } from '../../tenancy/entities/organization.entity';
import { OrganizationCreationSteps } from '../organization-creation-steps';
import { CreateOrganizationCommand } from './create-organization.command';
import {
  MemberAdded,
  membershipSnapshot,
  OrganizationCreated,
  organizationSnapshot,
} from '../events/organization.events';

/**
 * A new organization in the actor's tenant; the creator becomes its ADMIN, and the modules'
 * creation steps give it its first records (the default pipeline) in the same transaction.
 */
@CommandHandler(CreateOrganizationCommand)
export class CreateOrganizationHandler implements ICommandHandler<CreateOrganizationCommand, OrganizationEntity> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly creationSteps: OrganizationCreationSteps,
  ) {}

  execute({ input }: CreateOrganizationCommand): Promise<OrganizationEntity> {
    return this.uow.run(async (tx) => {
      const organizations = tx.repository(OrganizationEntity);
      const organization = await organizations.save(organizations.create({ name: input.name, ...input.settings }));
      // The new organization is not in the actor's scope yet, so its first membership is
      // stamped here with the same tenant and author a scoped insert would use.
      const membership = await tx.unscopedManager().save(
        tx.unscopedManager().create(MembershipEntity, {
          tenantId: tx.scope.tenantId,
          organizationId: organization.id,
          userId: tx.scope.actor.id,
          roleId: BUILT_IN_ROLE_IDS.ADMIN,
          createdBy: tx.scope.actor.id,
          updatedBy: tx.scope.actor.id,
        }),
      );
      await tx.publish(OrganizationCreated, {
        entityId: organization.id,
        organizationId: organization.id,
        after: organizationSnapshot(organization),
      });
      await tx.publish(MemberAdded, {
        entityId: membership.id,
        organizationId: organization.id,
        after: membershipSnapshot(membership),
      });
      await this.creationSteps.run(tx, organization);
      return organization;
    });
  }
}
