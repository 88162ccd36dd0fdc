export class DeletePipelineCommand {
  constructor(
    readonly pipelineId: string,
    /** Where its deals go: an OPEN stage of another pipeline (see `MoveToParams`). */
    readonly moveTo: string | undefined,
  ) {}
}
