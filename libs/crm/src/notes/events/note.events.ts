import {
  defineEvent,
  EventVisibilities,
  type Infer,
  ORGANIZATION_RECORD_FIELDS,
  organizationRecordSnapshot,
  Permission,
  schema,
  type Transaction,
} from '@clientele/core';
import type { NoteEntity } from '../entities/note.entity';

/** A note as audit entries and events carry it. */
export const NOTE_SNAPSHOT = schema.object({
  ...ORGANIZATION_RECORD_FIELDS,
  body: schema.string(),
  authorId: schema.nullable(schema.uuid()),
  contactId: schema.nullable(schema.uuid()),
  customerId: schema.nullable(schema.uuid()),
  dealId: schema.nullable(schema.uuid()),
});
export type NoteSnapshot = Infer<typeof NOTE_SNAPSHOT>;

export function noteSnapshot(note: NoteEntity): NoteSnapshot {
  return {
    ...organizationRecordSnapshot(note),
    body: note.body,
    authorId: note.authorId ?? null,
    contactId: note.contactId ?? null,
    customerId: note.customerId ?? null,
    dealId: note.dealId ?? null,
  };
}

export const NoteCreated = defineEvent('note.created', 1, NOTE_SNAPSHOT);
export const NoteUpdated = defineEvent('note.updated', 1, NOTE_SNAPSHOT);
export const NoteDeleted = defineEvent('note.deleted', 1, NOTE_SNAPSHOT);

EventVisibilities.register({ key: 'note', grant: Permission.ORG_ACTIVITY_VIEW });

const CHANGES = { created: NoteCreated, updated: NoteUpdated, deleted: NoteDeleted } as const;

export async function recordNoteChange(
  tx: Transaction,
  verb: keyof typeof CHANGES,
  note: NoteEntity,
  change: { before?: NoteSnapshot; after?: NoteSnapshot },
): Promise<void> {
  await tx.publish(CHANGES[verb], { entityId: note.id, organizationId: note.organizationId, ...change });
}
