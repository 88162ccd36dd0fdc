import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import { ProjectEntity } from '../entities/project.entity';
import { projectSnapshot, recordProjectChange } from '../events/project.events';
import { PROJECT_CONTACTS } from '../project-contacts';
import { assertProjectCustomer, findProjectContacts } from '../project-parties';
import { CreateProjectCommand } from './create-project.command';

/** A new project (PLANNED unless told), with the customer and the contacts of its organization it names. */
@CommandHandler(CreateProjectCommand)
export class CreateProjectHandler implements ICommandHandler<CreateProjectCommand, ProjectEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ input }: CreateProjectCommand): Promise<ProjectEntity> {
    return this.uow.run(async (tx) => {
      const organizationId = tx.scope.targetOrganizationId(input.organizationId);
      await assertProjectCustomer(tx, organizationId, input.customerId);
      const contactIds = await findProjectContacts(tx, organizationId, input.contactIds ?? []);
      const projects = tx.repository(ProjectEntity);
      const saved = await projects.save(
        projects.create({
          organizationId,
          name: input.name,
          description: input.description ?? null,
          status: input.status ?? 'PLANNED',
          customerId: input.customerId?.toLowerCase() ?? null,
        }),
      );
      await PROJECT_CONTACTS.add(tx, saved, contactIds);
      await recordProjectChange(tx, 'created', saved, { after: projectSnapshot(saved, contactIds) });
      return saved;
    });
  }
}
