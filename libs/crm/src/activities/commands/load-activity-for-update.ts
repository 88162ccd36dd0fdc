import { Permission, type Transaction } from '@clientele/core';
import { ContactEntity } from '../../organization-contact';
import { ACTIVITY_CONTACTS } from '../activity-contacts';
import { ActivityEntity } from '../entities/activity.entity';

/**
 * The activity a command changes: locked (and checked against `If-Match`), with its contact ids,
 * after the `*_EDIT_OWN` rule — `ORG_ACTIVITY_EDIT` changes any, `ORG_ACTIVITY_EDIT_OWN` only the
 * actor's own; `own: false` (delete) needs the full grant.
 */
export async function loadActivityForUpdate(
  tx: Transaction,
  activityId: string,
  { own }: { own: boolean },
): Promise<ActivityEntity> {
  const activity = await tx.repository(ActivityEntity).findOneForUpdate(activityId);
  tx.scope.assertCanEdit(
    activity.organizationId,
    activity.ownerId,
    Permission.ORG_ACTIVITY_EDIT,
    own ? Permission.ORG_ACTIVITY_EDIT_OWN : undefined,
  );
  const contacts = await ACTIVITY_CONTACTS.load(tx.repository(ContactEntity), 'contact', [activity.id], {});
  activity.contactIds = (contacts.get(activity.id) ?? []).map((contact) => contact.id).sort();
  return activity;
}
