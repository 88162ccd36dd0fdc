export class MoveDealToStageCommand {
  constructor(
    readonly dealId: string,
    readonly stageId: string,
    readonly lostReason: string | undefined,
  ) {}
}
