import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { findOrganizationMembers, Permission, UnitOfWork } from '@clientele/core';
import { assertCanAssignOwner } from '../../record-ownership';
import { ACTIVITY_CONTACTS } from '../activity-contacts';
import { assertActivityReferences, distinctIds } from '../activity-references';
import { ActivityEntity } from '../entities/activity.entity';
import { activitySnapshot, recordActivityChange } from '../events/activity.events';
import { loadActivityForUpdate } from './load-activity-for-update';
import { UpdateActivityCommand } from './update-activity.command';

/** Changes the fields sent; an AGENT (`ORG_ACTIVITY_EDIT_OWN`) only on activities it owns, and keeps them. */
@CommandHandler(UpdateActivityCommand)
export class UpdateActivityHandler implements ICommandHandler<UpdateActivityCommand, ActivityEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ activityId, input }: UpdateActivityCommand): Promise<ActivityEntity> {
    return this.uow.run(async (tx) => {
      const activity = await loadActivityForUpdate(tx, activityId, { own: true });
      const { organizationId } = activity;
      const before = activitySnapshot(activity);

      if (input.ownerId !== undefined) {
        const ownerId = input.ownerId?.toLowerCase() ?? null;
        assertCanAssignOwner(tx.scope, organizationId, ownerId, Permission.ORG_ACTIVITY_EDIT);
        if (ownerId !== null) await findOrganizationMembers(tx, organizationId, [ownerId], 'ownerId');
        activity.ownerId = ownerId;
      }
      await assertActivityReferences(tx, organizationId, input);
      if (input.type !== undefined) activity.type = input.type;
      if (input.subject !== undefined) activity.subject = input.subject;
      if (input.body !== undefined) activity.body = input.body;
      if (input.dueAt !== undefined) activity.dueAt = input.dueAt === null ? null : new Date(input.dueAt);
      if (input.dealId !== undefined) activity.dealId = input.dealId?.toLowerCase() ?? null;
      if (input.customerId !== undefined) activity.customerId = input.customerId?.toLowerCase() ?? null;

      const contactIds = activity.contactIds ?? [];
      const saved = await tx.repository(ActivityEntity).save(activity);
      saved.contactIds = contactIds;
      if (input.contactIds !== undefined) {
        saved.contactIds = distinctIds(input.contactIds);
        await ACTIVITY_CONTACTS.replace(tx, saved, saved.contactIds);
      }
      await recordActivityChange(tx, 'updated', saved, { before, after: activitySnapshot(saved) });
      return saved;
    });
  }
}
