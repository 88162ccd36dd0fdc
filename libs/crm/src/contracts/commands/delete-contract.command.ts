export class DeleteContractCommand {
  constructor(readonly contractId: string) {}
}
