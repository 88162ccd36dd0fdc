import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Page, paginate, ScopedReader } from '@clientele/core';
import { ProjectEntity } from '../entities/project.entity';
import { applyProjectFilters, PROJECT_SORTS } from '../project-filters';
import { projectView, type ProjectView, selectProjectView } from '../project-view';
import { ListProjectsQuery } from './list-projects.query';

/** Projects with their contacts, filtered, paged, sorted: one statement. */
@QueryHandler(ListProjectsQuery)
export class ListProjectsHandler implements IQueryHandler<ListProjectsQuery, Page<ProjectView>> {
  constructor(private readonly reader: ScopedReader) {}

  execute({ params }: ListProjectsQuery): Promise<Page<ProjectView>> {
    const qb = applyProjectFilters(this.reader.repository(ProjectEntity).query('project'), params);
    return paginate(selectProjectView(qb), params, PROJECT_SORTS, '-createdAt', {
      item: (project, raw) => projectView(project, raw),
    });
  }
}
