export class GetStageQuery {
  constructor(
    readonly pipelineId: string,
    readonly stageId: string,
  ) {}
}
