export class DeleteDealCommand {
  constructor(readonly dealId: string) {}
}
