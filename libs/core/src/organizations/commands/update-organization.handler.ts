import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../database/unit-of-work';
import { OrganizationEntity } from '../../tenancy/entities/organization.entity';
import { UpdateOrganizationCommand } from './update-organization.command';
import { OrganizationUpdated, organizationSnapshot } from '../events/organization.events';

/** Renames an organization and/or changes its settings. */
@CommandHandler(UpdateOrganizationCommand)
export class UpdateOrganizationHandler implements ICommandHandler<UpdateOrganizationCommand, OrganizationEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ organizationId, input }: UpdateOrganizationCommand): Promise<OrganizationEntity> {
    return this.uow.run(async (tx) => {
      const organizations = tx.repository(OrganizationEntity);
      const organization = await organizations.findOneForUpdate(organizationId);
      const before = organizationSnapshot(organization);
      Object.assign(organization, {
        ...(input.name === undefined ? {} : { name: input.name }),
        ...input.settings,
      });
      const saved = await organizations.save(organization);
      await tx.publish(OrganizationUpdated, {
        entityId: saved.id,
        organizationId: saved.id,
        before,
        after: organizationSnapshot(saved),
      });
      return saved;
    });
  }
}
