import type { RawRow } from '@clientele/core';
import type { SelectQueryBuilder } from 'typeorm';
import { ACTIVITY_CONTACTS } from './activity-contacts';
import type { ActivityEntity } from './entities/activity.entity';

const CONTACT_IDS = 'view_contact_ids';

/** The activity's live contacts' ids as a JSON array, a column of the activity's own statement. */
export function activityContactIdsSql(alias: string): string {
  return `(SELECT coalesce(json_agg(view_link.contact_id ORDER BY view_link.contact_id), '[]'::json)
             FROM activity_contact view_link
             JOIN contact view_contact ON view_contact.id = view_link.contact_id AND view_contact.deleted_at IS NULL
            WHERE ${ACTIVITY_CONTACTS.linkedTo('view_link', alias)})`;
}

/** Adds an activity's contact ids to its query, as a column of the same statement. */
export function selectActivityView(qb: SelectQueryBuilder<ActivityEntity>): SelectQueryBuilder<ActivityEntity> {
  return qb.addSelect(activityContactIdsSql(qb.alias), CONTACT_IDS);
}

/** The activity with the contact ids `selectActivityView` added. */
export function activityView(activity: ActivityEntity, raw: RawRow): ActivityEntity {
  activity.contactIds = raw[CONTACT_IDS] as string[];
  return activity;
}
