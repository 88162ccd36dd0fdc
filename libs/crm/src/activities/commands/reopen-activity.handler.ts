import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import { ActivityEntity } from '../entities/activity.entity';
import { activitySnapshot, recordActivityChange } from '../events/activity.events';
import { loadActivityForUpdate } from './load-activity-for-update';
import { ReopenActivityCommand } from './reopen-activity.command';

/** Opens a completed activity again (`activity.reopened`); an open one is a 409. */
@CommandHandler(ReopenActivityCommand)
export class ReopenActivityHandler implements ICommandHandler<ReopenActivityCommand, ActivityEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ activityId }: ReopenActivityCommand): Promise<ActivityEntity> {
    return this.uow.run(async (tx) => {
      const activity = await loadActivityForUpdate(tx, activityId, { own: true });
      const before = activitySnapshot(activity);
      activity.reopen();
      const contactIds = activity.contactIds;
      const saved = await tx.repository(ActivityEntity).save(activity);
      saved.contactIds = contactIds;
      await recordActivityChange(tx, 'reopened', saved, { before, after: activitySnapshot(saved) });
      return saved;
    });
  }
}
