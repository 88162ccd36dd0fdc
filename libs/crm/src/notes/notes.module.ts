import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CreateNoteHandler } from './commands/create-note.handler';
import { DeleteNoteHandler } from './commands/delete-note.handler';
import { UpdateNoteHandler } from './commands/update-note.handler';
import { NoteEntity } from './entities/note.entity';
import './note-timeline';
import './note-transfer';
import { NotesController } from './notes.controller';
import { GetNoteHandler } from './queries/get-note.handler';
import { ListNotesHandler } from './queries/list-notes.handler';

/**
 * Markdown notes on contacts, customers and deals (tickets later), under the activity grants.
 * Registers the `notes` timeline source and the contact detail's `notes`.
 */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature([NoteEntity])],
  controllers: [NotesController],
  providers: [CreateNoteHandler, UpdateNoteHandler, DeleteNoteHandler, ListNotesHandler, GetNoteHandler],
})
export class NotesModule {}
