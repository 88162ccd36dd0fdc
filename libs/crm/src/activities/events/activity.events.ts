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
import { ACTIVITY_TYPES } from '../activity-type';
import type { ActivityEntity } from '../entities/activity.entity';

/** An activity as audit entries and events carry it: its columns and its contact ids. */
export const ACTIVITY_SNAPSHOT = schema.object({
  ...ORGANIZATION_RECORD_FIELDS,
  type: schema.enum(...ACTIVITY_TYPES),
  subject: schema.string(),
  body: schema.nullable(schema.string()),
  dueAt: schema.nullable(schema.timestamp()),
  completedAt: schema.nullable(schema.timestamp()),
  ownerId: schema.nullable(schema.uuid()),
  dealId: schema.nullable(schema.uuid()),
  customerId: schema.nullable(schema.uuid()),
  contactIds: schema.array(schema.uuid()),
});
export type ActivitySnapshot = Infer<typeof ACTIVITY_SNAPSHOT>;

export function activitySnapshot(activity: ActivityEntity): ActivitySnapshot {
  return {
    ...organizationRecordSnapshot(activity),
    type: activity.type,
    subject: activity.subject,
    body: activity.body ?? null,
    dueAt: activity.dueAt ?? null,
    completedAt: activity.completedAt ?? null,
    ownerId: activity.ownerId ?? null,
    dealId: activity.dealId ?? null,
    customerId: activity.customerId ?? null,
    contactIds: [...(activity.contactIds ?? [])].sort(),
  };
}

export const ActivityCreated = defineEvent('activity.created', 1, ACTIVITY_SNAPSHOT);
export const ActivityUpdated = defineEvent('activity.updated', 1, ACTIVITY_SNAPSHOT);
export const ActivityCompleted = defineEvent('activity.completed', 1, ACTIVITY_SNAPSHOT);
export const ActivityReopened = defineEvent('activity.reopened', 1, ACTIVITY_SNAPSHOT);
export const ActivityDeleted = defineEvent('activity.deleted', 1, ACTIVITY_SNAPSHOT);

EventVisibilities.register({ key: 'activity', grant: Permission.ORG_ACTIVITY_VIEW });

const CHANGES = {
  created: ActivityCreated,
  updated: ActivityUpdated,
  completed: ActivityCompleted,
  reopened: ActivityReopened,
  deleted: ActivityDeleted,
} as const;

/** The event (outbox row and audit entry, in the transaction) of one change of an activity. */
export async function recordActivityChange(
  tx: Transaction,
  verb: keyof typeof CHANGES,
  activity: ActivityEntity,
  change: { before?: ActivitySnapshot; after?: ActivitySnapshot },
): Promise<void> {
  await tx.publish(CHANGES[verb], { entityId: activity.id, organizationId: activity.organizationId, ...change });
}
