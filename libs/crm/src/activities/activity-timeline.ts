import { Permission, readRows, type ScopedReader } from '@clientele/core';
import { ContactDetailSections } from '../organization-contact';
import { type TimelinePosition, TimelineSources, type TimelineSubject } from '../timeline';
import { ACTIVITY_CONTACTS } from './activity-contacts';
import { activityView, selectActivityView } from './activity-views';
import { ActivityResponse } from './dto/activity.response';
import { ActivityEntity } from './entities/activity.entity';

const SOURCE = 'activities';
/** When an activity happened on a timeline: when it was done, else when it was logged. */
const OCCURRED_AT = (alias: string): string => `coalesce(${alias}.completed_at, ${alias}.created_at)`;

/**
 * The activities of a contact, customer or deal, newest first by `(occurredAt, id)`, after
 * `after` in the timeline order of `TimelineSource.load`; none when the actor may not read
 * activities in the subject's organization.
 */
export async function loadSubjectActivities(
  reader: ScopedReader,
  subject: TimelineSubject,
  after: TimelinePosition | null,
  limit: number,
): Promise<ActivityEntity[]> {
  if (!reader.scope().isGranted(subject.organizationId, [Permission.ORG_ACTIVITY_VIEW])) return [];
  const qb = reader
    .repository(ActivityEntity)
    .query('activity', 'visible')
    .andWhere('activity.organizationId = :subjectOrganizationId', { subjectOrganizationId: subject.organizationId });
  if (subject.entity === 'contact') {
    qb.andWhere(
      `EXISTS (SELECT 1 FROM activity_contact subject_link
                WHERE ${ACTIVITY_CONTACTS.linkedTo('subject_link', 'activity')} AND subject_link.contact_id = :subjectId)`,
      { subjectId: subject.id },
    );
  } else {
    qb.andWhere(`activity.${subject.entity}Id = :subjectId`, { subjectId: subject.id });
  }
  const occurredAt = OCCURRED_AT('"activity"');
  if (after !== null) {
    const parameters = { afterAt: after.occurredAt, afterId: after.id };
    if (after.source === SOURCE) qb.andWhere(`(${occurredAt}, activity.id) < (:afterAt, :afterId)`, parameters);
    else if (SOURCE < after.source) qb.andWhere(`${occurredAt} <= :afterAt`, parameters);
    else qb.andWhere(`${occurredAt} < :afterAt`, parameters);
  }
  const rows = await readRows(
    selectActivityView(qb).orderBy(occurredAt, 'DESC').addOrderBy('activity.id', 'DESC').limit(limit),
  );
  return rows.map(({ entity, raw }) => activityView(entity, raw));
}

TimelineSources.register({
  key: SOURCE,
  order: 10,
  subjects: ['contact', 'customer', 'deal'],
  async load(reader, subject, after, limit) {
    const now = new Date();
    return (await loadSubjectActivities(reader, subject, after, limit)).map((activity) => ({
      source: SOURCE,
      id: activity.id,
      occurredAt: activity.completedAt ?? activity.createdAt,
      title: activity.subject,
      data: { ...ActivityResponse.from(activity, now) },
    }));
  },
});

ContactDetailSections.register({
  key: 'recentActivities',
  order: 20,
  description: 'The contact’s ten latest calls, e-mails, meetings and tasks (by completion, else creation).',
  async load(reader, contact) {
    const now = new Date();
    const subject = { entity: 'contact', id: contact.id, organizationId: contact.organizationId } as const;
    return (await loadSubjectActivities(reader, subject, null, 10)).map((activity) =>
      ActivityResponse.from(activity, now),
    );
  },
});
