export class ReorderStagesCommand {
  constructor(
    readonly pipelineId: string,
    readonly stageIds: readonly string[],
  ) {}
}
