import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomersModule } from '../customers';
import { ActivitiesController } from './activities.controller';
import './activity-timeline';
import './activity-transfer';
import { CompleteActivityHandler } from './commands/complete-activity.handler';
import { CreateActivityHandler } from './commands/create-activity.handler';
import { DeleteActivityHandler } from './commands/delete-activity.handler';
import { ReopenActivityHandler } from './commands/reopen-activity.handler';
import { UpdateActivityHandler } from './commands/update-activity.handler';
import { ActivityEntity } from './entities/activity.entity';
import { GetActivityHandler } from './queries/get-activity.handler';
import { ListActivitiesHandler } from './queries/list-activities.handler';
import { UnlinkActivitiesOfDeletedCustomer } from './unlink-deleted-customer';

/**
 * Calls, e-mails, meetings and tasks with contacts, a deal and/or a customer; they complete and
 * reopen; a deleted customer's are unlinked from it. Registers the `activities` timeline source and the contact detail's `recentActivities`.
 */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature([ActivityEntity]), CustomersModule],
  controllers: [ActivitiesController],
  providers: [
    UnlinkActivitiesOfDeletedCustomer,
    CreateActivityHandler,
    UpdateActivityHandler,
    CompleteActivityHandler,
    ReopenActivityHandler,
    DeleteActivityHandler,
    ListActivitiesHandler,
    GetActivityHandler,
  ],
})
export class ActivitiesModule {}
