import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScopedReader } from '@clientele/core';
import { ProjectEntity } from '../entities/project.entity';
import { projectView, type ProjectView, selectProjectView } from '../project-view';
import { GetProjectQuery } from './get-project.query';

/** One project with its contacts, in one statement. */
@QueryHandler(GetProjectQuery)
export class GetProjectHandler implements IQueryHandler<GetProjectQuery, ProjectView> {
  constructor(private readonly reader: ScopedReader) {}

  async execute({ projectId }: GetProjectQuery): Promise<ProjectView> {
    const { entity, raw } = await this.reader
      .repository(ProjectEntity)
      .findOneOrFailWithRaw(projectId, selectProjectView);
    return projectView(entity, raw);
  }
}
