export class DeleteContactCommand {
  constructor(readonly contactId: string) {}
}
