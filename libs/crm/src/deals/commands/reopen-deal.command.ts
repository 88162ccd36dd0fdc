export class ReopenDealCommand {
  constructor(
    readonly dealId: string,
    readonly stageId: string | undefined,
  ) {}
}
