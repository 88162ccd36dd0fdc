import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { findOrganizationMembers, Permission, UnitOfWork } from '@clientele/core';
import { assertCanAssignOwner, defaultOwnerId } from '../../record-ownership';
import { ACTIVITY_CONTACTS } from '../activity-contacts';
import { assertActivityReferences, distinctIds } from '../activity-references';
import { ActivityEntity } from '../entities/activity.entity';
import { activitySnapshot, recordActivityChange } from '../events/activity.events';
import { CreateActivityCommand } from './create-activity.command';

/**
 * A new open activity, owned by its creator unless told; an AGENT (`ORG_ACTIVITY_EDIT_OWN`)
 * creates only activities it owns. Its contacts, deal and customer are the organization's.
 */
@CommandHandler(CreateActivityCommand)
export class CreateActivityHandler implements ICommandHandler<CreateActivityCommand, ActivityEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ input }: CreateActivityCommand): Promise<ActivityEntity> {
    return this.uow.run(async (tx) => {
      const organizationId = tx.scope.targetOrganizationId(input.organizationId);
      const ownerId = input.ownerId === undefined ? defaultOwnerId(tx.scope) : (input.ownerId?.toLowerCase() ?? null);
      assertCanAssignOwner(tx.scope, organizationId, ownerId, Permission.ORG_ACTIVITY_EDIT);
      if (ownerId !== null) await findOrganizationMembers(tx, organizationId, [ownerId], 'ownerId');
      await assertActivityReferences(tx, organizationId, input);

      const activities = tx.repository(ActivityEntity);
      const saved = await activities.save(
        activities.create({
          organizationId,
          type: input.type,
          subject: input.subject,
          body: input.body ?? null,
          dueAt: input.dueAt == null ? null : new Date(input.dueAt),
          completedAt: null,
          ownerId,
          dealId: input.dealId?.toLowerCase() ?? null,
          customerId: input.customerId?.toLowerCase() ?? null,
        }),
      );
      saved.contactIds = distinctIds(input.contactIds ?? []);
      await ACTIVITY_CONTACTS.add(tx, saved, saved.contactIds);
      await recordActivityChange(tx, 'created', saved, { after: activitySnapshot(saved) });
      return saved;
    });
  }
}
