import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScopedReader } from '@clientele/core';
import { NoteEntity } from '../entities/note.entity';
import { GetNoteQuery } from './get-note.query';

@QueryHandler(GetNoteQuery)
export class GetNoteHandler implements IQueryHandler<GetNoteQuery, NoteEntity> {
  constructor(private readonly reader: ScopedReader) {}

  execute({ noteId }: GetNoteQuery): Promise<NoteEntity> {
    return this.reader.repository(NoteEntity).findOneOrFail(noteId);
  }
}
