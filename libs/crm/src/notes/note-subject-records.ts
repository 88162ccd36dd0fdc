import type { Transaction } from '@clientele/core';
import { CustomerEntity } from '../customers';
import { DealEntity } from '../deals';
import { ContactEntity } from '../organization-contact';
import type { NoteSubjectField } from './note-subject';

const RECORDS = { contactId: ContactEntity, customerId: CustomerEntity, dealId: DealEntity } as const;

/** The subject must be a live record of the note's organization: anything else is a 404 naming the field. */
export async function assertNoteSubject(
  tx: Transaction,
  organizationId: string,
  subject: { field: NoteSubjectField; id: string },
): Promise<void> {
  await tx.repository(RECORDS[subject.field]).findReferenced(subject.id, organizationId, subject.field);
}
