import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import { NoteEntity } from '../entities/note.entity';
import { noteSnapshot, recordNoteChange } from '../events/note.events';
import { DeleteNoteCommand } from './delete-note.command';
import { loadNoteForUpdate } from './load-note-for-update';

/** Soft-deletes a note: its author, or anyone with `ORG_ACTIVITY_EDIT`. */
@CommandHandler(DeleteNoteCommand)
export class DeleteNoteHandler implements ICommandHandler<DeleteNoteCommand, void> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ noteId }: DeleteNoteCommand): Promise<void> {
    return this.uow.run(async (tx) => {
      const note = await loadNoteForUpdate(tx, noteId);
      await tx.repository(NoteEntity).softRemove(note);
      await recordNoteChange(tx, 'deleted', note, { before: noteSnapshot(note) });
    });
  }
}
