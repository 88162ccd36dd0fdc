import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../database/unit-of-work';
import { OrganizationEntity } from '../../tenancy/entities/organization.entity';
import { UpdateOrganizationCommand } from './update-organization.command';

/** Renames an organization and/or changes its settings. */
@CommandHandler(UpdateOrganizationCommand)
export class UpdateOrganizationHandler implements ICommandHandler<UpdateOrganizationCommand, OrganizationEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ organizationId, input }: UpdateOrganizationCommand): Promise<OrganizationEntity> {
    return this.uow.run(async (tx) => {
      const organizations = tx.repository(OrganizationEntity);
      const organization = await organizations.findOneForUpdate(organizationId);
      const before = { ...organization };
      Object.assign(organization, {
        ...(input.name === undefined ? {} : { name: input.name }),
        ...input.settings,
      });
      const saved = await organizations.save(organization);
      await tx.record({
        type: 'organization.updated',
        entity: 'organization',
        entityId: saved.id,
        organizationId: saved.id,
        before: Object.assign(new OrganizationEntity(), before),
        after: saved,
      });
      return saved;
    });
  }
}
