import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Page, paginate, ScopedReader } from '@clientele/core';
import { NoteEntity } from '../entities/note.entity';
import { ListNotesQuery } from './list-notes.query';

const NOTE_SORTS = { createdAt: 'createdAt', updatedAt: 'updatedAt' } as const;
const EQUAL = ['contactId', 'customerId', 'dealId', 'authorId'] as const;

/** Notes, narrowed by subject or author, newest first. */
@QueryHandler(ListNotesQuery)
export class ListNotesHandler implements IQueryHandler<ListNotesQuery, Page<NoteEntity>> {
  constructor(private readonly reader: ScopedReader) {}

  execute({ params }: ListNotesQuery): Promise<Page<NoteEntity>> {
    const qb = this.reader.repository(NoteEntity).query('note');
    for (const field of EQUAL) {
      const value = params[field];
      if (value !== undefined) qb.andWhere(`note.${field} = :note_${field}`, { [`note_${field}`]: value });
    }
    return paginate(qb, params, NOTE_SORTS, '-createdAt');
  }
}
