import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import { defaultOwnerId } from '../../record-ownership';
import { NoteEntity } from '../entities/note.entity';
import { noteSnapshot, recordNoteChange } from '../events/note.events';
import { noteSubject } from '../note-subject';
import { assertNoteSubject } from '../note-subject-records';
import { CreateNoteCommand } from './create-note.command';

/** A note by the actor on one contact, customer or deal of the organization. */
@CommandHandler(CreateNoteCommand)
export class CreateNoteHandler implements ICommandHandler<CreateNoteCommand, NoteEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ input }: CreateNoteCommand): Promise<NoteEntity> {
    return this.uow.run(async (tx) => {
      const subject = noteSubject(input);
      const organizationId = tx.scope.targetOrganizationId(input.organizationId);
      await assertNoteSubject(tx, organizationId, subject);
      const notes = tx.repository(NoteEntity);
      const note = notes.create({
        organizationId,
        authorId: defaultOwnerId(tx.scope),
        contactId: null,
        customerId: null,
        dealId: null,
        [subject.field]: subject.id,
      });
      note.write(input.body);
      const saved = await notes.save(note);
      await recordNoteChange(tx, 'created', saved, { after: noteSnapshot(saved) });
      return saved;
    });
  }
}
