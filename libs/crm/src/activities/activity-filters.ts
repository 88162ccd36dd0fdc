import type { SelectQueryBuilder } from 'typeorm';
import { ACTIVITY_CONTACTS } from './activity-contacts';
import type { ListActivitiesParams } from './dto/list-activities.params';
import type { ActivityEntity } from './entities/activity.entity';

/** The list's filters: type, owner, state, due range, linked contact, deal or customer. */
export function applyActivityFilters(
  qb: SelectQueryBuilder<ActivityEntity>,
  params: ListActivitiesParams,
  now: Date,
): SelectQueryBuilder<ActivityEntity> {
  const alias = qb.alias;
  const equal: ReadonlyArray<keyof ListActivitiesParams & ('type' | 'ownerId' | 'dealId' | 'customerId')> = [
    'type',
    'ownerId',
    'dealId',
    'customerId',
  ];
  for (const param of equal) {
    const value = params[param];
    if (value !== undefined) qb.andWhere(`${alias}.${param} = :activity_${param}`, { [`activity_${param}`]: value });
  }
  if (params.state === 'completed') qb.andWhere(`${alias}.completedAt IS NOT NULL`);
  if (params.state === 'overdue') {
    qb.andWhere(`${alias}.completedAt IS NULL AND ${alias}.dueAt < :activityNow`, { activityNow: now });
  }
  if (params.state === 'open') {
    qb.andWhere(`${alias}.completedAt IS NULL AND (${alias}.dueAt IS NULL OR ${alias}.dueAt >= :activityNow)`, {
      activityNow: now,
    });
  }
  if (params.dueFrom !== undefined)
    qb.andWhere(`${alias}.dueAt >= :activityDueFrom`, { activityDueFrom: params.dueFrom });
  if (params.dueTo !== undefined) qb.andWhere(`${alias}.dueAt < :activityDueTo`, { activityDueTo: params.dueTo });
  if (params.contactId !== undefined) {
    qb.andWhere(
      `EXISTS (SELECT 1 FROM activity_contact filter_link
                WHERE ${ACTIVITY_CONTACTS.linkedTo('filter_link', alias)} AND filter_link.contact_id = :activityContactId)`,
      { activityContactId: params.contactId },
    );
  }
  return qb;
}

/** Sortable fields of the activity list (all NOT NULL). */
export const ACTIVITY_SORTS = {
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
  subject: 'subject',
} as const;
