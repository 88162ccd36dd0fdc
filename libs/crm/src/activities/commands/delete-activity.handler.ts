import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import { ActivityEntity } from '../entities/activity.entity';
import { activitySnapshot, recordActivityChange } from '../events/activity.events';
import { DeleteActivityCommand } from './delete-activity.command';
import { loadActivityForUpdate } from './load-activity-for-update';

/** Soft-deletes an activity; needs `ORG_ACTIVITY_EDIT` (an AGENT cannot delete, not even its own). */
@CommandHandler(DeleteActivityCommand)
export class DeleteActivityHandler implements ICommandHandler<DeleteActivityCommand, void> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ activityId }: DeleteActivityCommand): Promise<void> {
    return this.uow.run(async (tx) => {
      const activity = await loadActivityForUpdate(tx, activityId, { own: false });
      await tx.repository(ActivityEntity).softRemove(activity);
      await recordActivityChange(tx, 'deleted', activity, { before: activitySnapshot(activity) });
    });
  }
}
