import { ValidationError } from '@clientele/core';

/** What a note can be about; tickets add theirs (a `ticket_id` column and a key here). */
export const NOTE_SUBJECT_FIELDS = ['contactId', 'customerId', 'dealId'] as const;
export type NoteSubjectField = (typeof NOTE_SUBJECT_FIELDS)[number];

/** The one subject a body names: exactly one of `contactId`, `customerId`, `dealId` (else 400). */
export function noteSubject(input: Partial<Record<NoteSubjectField, string | null>>): {
  field: NoteSubjectField;
  id: string;
} {
  const named = NOTE_SUBJECT_FIELDS.flatMap((field) => {
    const id = input[field];
    return id == null ? [] : [{ field, id: id.toLowerCase() }];
  });
  const [first, second] = named;
  if (first === undefined) {
    throw ValidationError.field(
      'contactId',
      'a note is about a contact, a customer or a deal: send one of contactId, customerId, dealId',
    );
  }
  if (second !== undefined) {
    throw ValidationError.field(
      second.field,
      `a note has one subject: send ${first.field} or ${second.field}, not both`,
    );
  }
  return first;
}
