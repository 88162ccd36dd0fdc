// What other rooms may use from notes.
export { NoteEntity } from './entities/note.entity';
export { NotesModule } from './notes.module';
