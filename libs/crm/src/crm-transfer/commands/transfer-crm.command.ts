export class TransferCrmCommand {
  constructor(
    readonly sourceOrganizationId: string,
    readonly targetOrganizationId: string,
    readonly dryRun: boolean,
  ) {}
}
