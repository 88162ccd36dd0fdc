import type { ListPipelinesParams } from '../dto/list-pipelines.params';

export class ListPipelinesQuery {
  constructor(readonly params: ListPipelinesParams) {}
}
