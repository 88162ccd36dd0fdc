import { Permission, type ScopedReader } from '@clientele/core';
import { ContactDetailSections } from '../organization-contact';
import { type TimelinePosition, TimelineSources, type TimelineSubject } from '../timeline';
import { NoteResponse } from './dto/note.response';
import { NoteEntity } from './entities/note.entity';

const SOURCE = 'notes';

/**
 * The notes on a contact, customer or deal, newest first by `(createdAt, id)`, after `after` in
 * the timeline order of `TimelineSource.load`; none when the actor may not read notes in the
 * subject's organization.
 */
export async function loadSubjectNotes(
  reader: ScopedReader,
  subject: TimelineSubject,
  after: TimelinePosition | null,
  limit: number,
): Promise<NoteEntity[]> {
  if (!reader.scope().isGranted(subject.organizationId, [Permission.ORG_ACTIVITY_VIEW])) return [];
  const qb = reader
    .repository(NoteEntity)
    .query('note', 'visible')
    .andWhere('note.organizationId = :subjectOrganizationId', { subjectOrganizationId: subject.organizationId })
    .andWhere(`note.${subject.entity}Id = :subjectId`, { subjectId: subject.id });
  if (after !== null) {
    const parameters = { afterAt: after.occurredAt, afterId: after.id };
    if (after.source === SOURCE) qb.andWhere(`(note.createdAt, note.id) < (:afterAt, :afterId)`, parameters);
    else if (SOURCE < after.source) qb.andWhere(`note.createdAt <= :afterAt`, parameters);
    else qb.andWhere(`note.createdAt < :afterAt`, parameters);
  }
  return qb.orderBy('note.createdAt', 'DESC').addOrderBy('note.id', 'DESC').limit(limit).getMany();
}

TimelineSources.register({
  key: SOURCE,
  order: 20,
  subjects: ['contact', 'customer', 'deal'],
  async load(reader, subject, after, limit) {
    return (await loadSubjectNotes(reader, subject, after, limit)).map((note) => ({
      source: SOURCE,
      id: note.id,
      occurredAt: note.createdAt,
      title: firstLine(note.body),
      data: { ...NoteResponse.from(note) },
    }));
  },
});

ContactDetailSections.register({
  key: 'notes',
  order: 30,
  description: 'The ten latest notes on the contact, newest first.',
  async load(reader, contact) {
    const subject = { entity: 'contact', id: contact.id, organizationId: contact.organizationId } as const;
    return (await loadSubjectNotes(reader, subject, null, 10)).map((note) => NoteResponse.from(note));
  },
});

/** A note's title on a timeline: its first line, without Markdown heading marks, at most 120 characters. */
function firstLine(body: string): string {
  const line = body.split('\n').find((text) => text.trim() !== '') ?? '';
  const text = line.replace(/^#+\s*/, '').trim();
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}
