import { Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationCreationSteps } from '@clientele/core';
import { AddStageHandler } from './commands/add-stage.handler';
import { CreatePipelineHandler } from './commands/create-pipeline.handler';
import { DeletePipelineHandler } from './commands/delete-pipeline.handler';
import { DeleteStageHandler } from './commands/delete-stage.handler';
import { ReorderStagesHandler } from './commands/reorder-stages.handler';
import { UpdatePipelineHandler } from './commands/update-pipeline.handler';
import { UpdateStageHandler } from './commands/update-stage.handler';
import { PipelineStageEntity } from './entities/pipeline-stage.entity';
import { PipelineEntity } from './entities/pipeline.entity';
import { DEFAULT_PIPELINE_NAME, DEFAULT_PIPELINE_STAGES } from './default-pipeline';
import './pipeline-constraints';
import './pipeline-stage-transfer';
import { createPipelineWithStages } from './pipeline-stages';
import { PipelinesController } from './pipelines.controller';
import { GetPipelineHandler } from './queries/get-pipeline.handler';
import { GetStageHandler } from './queries/get-stage.handler';
import { ListPipelinesHandler } from './queries/list-pipelines.handler';
import { StageReferences } from './stage-references';

/** Sales pipelines and their stages; every new organization gets the default pipeline. */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature([PipelineEntity, PipelineStageEntity])],
  controllers: [PipelinesController],
  providers: [
    StageReferences,
    CreatePipelineHandler,
    UpdatePipelineHandler,
    DeletePipelineHandler,
    AddStageHandler,
    UpdateStageHandler,
    DeleteStageHandler,
    ReorderStagesHandler,
    ListPipelinesHandler,
    GetPipelineHandler,
    GetStageHandler,
  ],
  exports: [StageReferences],
})
export class PipelinesModule implements OnModuleInit {
  constructor(private readonly organizationCreation: OrganizationCreationSteps) {}

  onModuleInit(): void {
    this.organizationCreation.register({
      name: 'pipelines',
      run: async (tx, organization) => {
        await createPipelineWithStages(tx, organization.id, DEFAULT_PIPELINE_NAME, DEFAULT_PIPELINE_STAGES);
      },
    });
  }
}
