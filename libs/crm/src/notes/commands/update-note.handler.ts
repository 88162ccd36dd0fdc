import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import { NoteEntity } from '../entities/note.entity';
import { noteSnapshot, recordNoteChange } from '../events/note.events';
import { loadNoteForUpdate } from './load-note-for-update';
import { UpdateNoteCommand } from './update-note.command';

/** New text for a note: its author, or anyone with `ORG_ACTIVITY_EDIT`. */
@CommandHandler(UpdateNoteCommand)
export class UpdateNoteHandler implements ICommandHandler<UpdateNoteCommand, NoteEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ noteId, input }: UpdateNoteCommand): Promise<NoteEntity> {
    return this.uow.run(async (tx) => {
      const note = await loadNoteForUpdate(tx, noteId);
      const before = noteSnapshot(note);
      note.write(input.body);
      const saved = await tx.repository(NoteEntity).save(note);
      await recordNoteChange(tx, 'updated', saved, { before, after: noteSnapshot(saved) });
      return saved;
    });
  }
}
