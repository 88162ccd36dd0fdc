// What other rooms may use from billing.
export { BillingModule } from './billing.module';
export { BillingSettingsEntity } from './entities/billing-settings.entity';
export { BillingRunJob } from './billing-run.job';
export { TIME_ZONES } from './billing-period';
