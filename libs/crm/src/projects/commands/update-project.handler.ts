import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import { ProjectEntity } from '../entities/project.entity';
import { projectSnapshot, recordProjectChange } from '../events/project.events';
import { projectChangeVerb } from '../project-change';
import { PROJECT_CONTACTS } from '../project-contacts';
import { assertProjectCustomer, findProjectContacts, loadProjectContactIds } from '../project-parties';
import { UpdateProjectCommand } from './update-project.command';

/**
 * Changes the fields sent; `contactIds` replaces the contacts. A PATCH that changes only the
 * contacts is published as `project.contacts_changed`, any other change as `project.updated`.
 */
@CommandHandler(UpdateProjectCommand)
export class UpdateProjectHandler implements ICommandHandler<UpdateProjectCommand, ProjectEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ projectId, input }: UpdateProjectCommand): Promise<ProjectEntity> {
    return this.uow.run(async (tx) => {
      const projects = tx.repository(ProjectEntity);
      const project = await projects.findOneForUpdate(projectId);
      const { organizationId } = project;
      const contactIdsBefore = await loadProjectContactIds(tx, project.id);
      const before = projectSnapshot(project, contactIdsBefore);
      if (input.customerId !== undefined) {
        await assertProjectCustomer(tx, organizationId, input.customerId);
        project.customerId = input.customerId?.toLowerCase() ?? null;
      }
      const contactIds =
        input.contactIds === undefined
          ? contactIdsBefore
          : await findProjectContacts(tx, organizationId, input.contactIds);
      if (input.name !== undefined) project.name = input.name;
      if (input.description !== undefined) project.description = input.description;
      if (input.status !== undefined) project.status = input.status;

      const saved = await projects.save(project);
      if (input.contactIds !== undefined) await PROJECT_CONTACTS.replace(tx, saved, contactIds);
      const after = projectSnapshot(saved, contactIds);
      await recordProjectChange(tx, projectChangeVerb(before, after), saved, { before, after });
      return saved;
    });
  }
}
