export class DeleteSlaPolicyCommand {
  constructor(readonly organizationId?: string) {}
}
