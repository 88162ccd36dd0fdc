import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import { ActivityEntity } from '../entities/activity.entity';
import { activitySnapshot, recordActivityChange } from '../events/activity.events';
import { CompleteActivityCommand } from './complete-activity.command';
import { loadActivityForUpdate } from './load-activity-for-update';

/** Marks an open activity done (`activity.completed`); a completed one is a 409. */
@CommandHandler(CompleteActivityCommand)
export class CompleteActivityHandler implements ICommandHandler<CompleteActivityCommand, ActivityEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ activityId, completedAt }: CompleteActivityCommand): Promise<ActivityEntity> {
    return this.uow.run(async (tx) => {
      const activity = await loadActivityForUpdate(tx, activityId, { own: true });
      const before = activitySnapshot(activity);
      const now = new Date();
      activity.complete(now, completedAt === undefined ? now : new Date(completedAt));
      const contactIds = activity.contactIds;
      const saved = await tx.repository(ActivityEntity).save(activity);
      saved.contactIds = contactIds;
      await recordActivityChange(tx, 'completed', saved, { before, after: activitySnapshot(saved) });
      return saved;
    });
  }
}
