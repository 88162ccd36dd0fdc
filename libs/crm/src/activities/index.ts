// What other rooms may use from activities.
export { ActivitiesModule } from './activities.module';
export { ACTIVITY_CONTACTS } from './activity-contacts';
export { ActivityEntity } from './entities/activity.entity';
