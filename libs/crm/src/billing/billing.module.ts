import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import './billing-summary.column';
import './billing-settings-transfer';
import { BillingRunJob } from './billing-run.job';
import { BillingController } from './billing.controller';
import { RunBillingHandler } from './commands/run-billing.handler';
import { SaveBillingSettingsHandler } from './commands/save-billing-settings.handler';
import { BillingSettingsEntity } from './entities/billing-settings.entity';
import { GetBillingSettingsHandler } from './queries/get-billing-settings.handler';

/** Customers' billing settings and the monthly run that turns them into draft invoices. */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature([BillingSettingsEntity])],
  controllers: [BillingController],
  providers: [SaveBillingSettingsHandler, RunBillingHandler, GetBillingSettingsHandler, BillingRunJob],
})
export class BillingModule {}
