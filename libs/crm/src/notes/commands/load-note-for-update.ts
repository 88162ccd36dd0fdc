import { Permission, type Transaction } from '@clientele/core';
import { NoteEntity } from '../entities/note.entity';

/**
 * The note a command changes or deletes, locked (and checked against `If-Match`): its author
 * with `ORG_ACTIVITY_EDIT_OWN`, anyone with `ORG_ACTIVITY_EDIT` (or `ALL_ORG_EDIT`).
 */
export async function loadNoteForUpdate(tx: Transaction, noteId: string): Promise<NoteEntity> {
  const note = await tx.repository(NoteEntity).findOneForUpdate(noteId);
  tx.scope.assertCanEdit(
    note.organizationId,
    note.authorId,
    Permission.ORG_ACTIVITY_EDIT,
    Permission.ORG_ACTIVITY_EDIT_OWN,
  );
  return note;
}
