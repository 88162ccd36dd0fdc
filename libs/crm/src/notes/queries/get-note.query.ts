export class GetNoteQuery {
  constructor(readonly noteId: string) {}
}
