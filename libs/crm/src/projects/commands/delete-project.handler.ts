import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import { ProjectEntity } from '../entities/project.entity';
import { projectSnapshot, recordProjectChange } from '../events/project.events';
import { loadProjectContactIds } from '../project-parties';
import { DeleteProjectCommand } from './delete-project.command';

/** Soft-deletes a project; its contact links stay stored (as a deleted contact's do), unseen. */
@CommandHandler(DeleteProjectCommand)
export class DeleteProjectHandler implements ICommandHandler<DeleteProjectCommand, void> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ projectId }: DeleteProjectCommand): Promise<void> {
    return this.uow.run(async (tx) => {
      const projects = tx.repository(ProjectEntity);
      const project = await projects.findOneForUpdate(projectId);
      const before = projectSnapshot(project, await loadProjectContactIds(tx, project.id));
      await projects.softRemove(project);
      await recordProjectChange(tx, 'deleted', project, { before });
    });
  }
}
