export class DeleteStageCommand {
  constructor(
    readonly pipelineId: string,
    readonly stageId: string,
    /** Where its deals go: another OPEN stage. */
    readonly moveTo: string | undefined,
  ) {}
}
