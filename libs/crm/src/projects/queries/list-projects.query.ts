import type { ListProjectsParams } from '../dto/list-projects.params';

export class ListProjectsQuery {
  constructor(readonly params: ListProjectsParams) {}
}
