export class DeleteTagCommand {
  constructor(readonly tagId: string) {}
}
