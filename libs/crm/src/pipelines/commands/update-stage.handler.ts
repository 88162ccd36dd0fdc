import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import { PipelineStageEntity } from '../entities/pipeline-stage.entity';
import { recordStageChange, stageSnapshot } from '../events/pipeline.events';
import { lockPipeline, lockStageOf } from '../pipeline-lock';
import { UpdateStageCommand } from './update-stage.command';

/** Changes a stage's name, probability (its deals without their own follow) or rotting threshold. */
@CommandHandler(UpdateStageCommand)
export class UpdateStageHandler implements ICommandHandler<UpdateStageCommand, PipelineStageEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ pipelineId, stageId, input }: UpdateStageCommand): Promise<PipelineStageEntity> {
    return this.uow.run(async (tx) => {
      const pipeline = await lockPipeline(tx, pipelineId);
      const stage = await lockStageOf(tx, pipeline, stageId);
      const before = stageSnapshot(stage);
      if (input.name !== undefined) stage.name = input.name;
      if (input.probability !== undefined) stage.probability = input.probability;
      if (input.rottenAfterDays !== undefined) stage.rottenAfterDays = input.rottenAfterDays;
      const saved = await tx.repository(PipelineStageEntity).save(stage);
      await recordStageChange(tx, 'updated', saved, { before, after: stageSnapshot(saved) });
      return saved;
    });
  }
}
