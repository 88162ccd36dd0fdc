import { Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RowExporter } from '@clientele/core';
import { CustomersModule } from '../customers';
import { PipelinesModule, StageReferences } from '../pipelines';
import { CreateDealHandler } from './commands/create-deal.handler';
import { DeleteDealHandler } from './commands/delete-deal.handler';
import { MoveDealToStageHandler } from './commands/move-deal-to-stage.handler';
import { ReopenDealHandler } from './commands/reopen-deal.handler';
import { UpdateDealHandler } from './commands/update-deal.handler';
import { DEAL_STAGE_REFERENCE } from './deal-stage-reference';
import './deal-counts';
import './deal-transfer';
import './deal-open-deals-section';
import './deal-search-section';
import './deal-stage-timeline';
import { CustomerDealsController } from './customer-deals.controller';
import { DealEntity } from './entities/deal.entity';
import { DealsController } from './deals.controller';
import { PipelineDealsController } from './pipeline-deals.controller';
import { ExportDealsHandler } from './queries/export-deals.handler';
import { GetDealBoardHandler } from './queries/get-deal-board.handler';
import { GetDealForecastHandler } from './queries/get-deal-forecast.handler';
import { GetDealHandler } from './queries/get-deal.handler';
import { ListDealsHandler } from './queries/list-deals.handler';
import { ListPipelineDealsHandler } from './queries/list-pipeline-deals.handler';
import { UnlinkDealsOfDeletedCustomer } from './unlink-deleted-customer';

/** Deals in the stages of pipelines; they move, close, reopen, and stay when a stage goes. */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature([DealEntity]), PipelinesModule, CustomersModule],
  controllers: [DealsController, PipelineDealsController, CustomerDealsController],
  providers: [
    RowExporter,
    UnlinkDealsOfDeletedCustomer,
    CreateDealHandler,
    UpdateDealHandler,
    MoveDealToStageHandler,
    ReopenDealHandler,
    DeleteDealHandler,
    ListDealsHandler,
    GetDealHandler,
    ExportDealsHandler,
    ListPipelineDealsHandler,
    GetDealBoardHandler,
    GetDealForecastHandler,
  ],
})
export class DealsModule implements OnModuleInit {
  constructor(private readonly stageReferences: StageReferences) {}

  onModuleInit(): void {
    this.stageReferences.register(DEAL_STAGE_REFERENCE);
  }
}
