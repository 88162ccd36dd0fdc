import type { UpdateNoteDto } from '../dto/update-note.dto';

export class UpdateNoteCommand {
  constructor(
    readonly noteId: string,
    readonly input: UpdateNoteDto,
  ) {}
}
