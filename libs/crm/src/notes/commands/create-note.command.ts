import type { CreateNoteDto } from '../dto/create-note.dto';

export class CreateNoteCommand {
  constructor(readonly input: CreateNoteDto) {}
}
