export class DeleteNoteCommand {
  constructor(readonly noteId: string) {}
}
