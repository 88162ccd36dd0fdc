export class RemoveMemberCommand {
  constructor(
    readonly organizationId: string,
    readonly userId: string,
  ) {}
}
