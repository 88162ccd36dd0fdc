import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import { PipelineStageEntity } from '../entities/pipeline-stage.entity';
import { recordStageChange, stageSnapshot } from '../pipeline-events';
import { lockPipeline, lockStageOf } from '../pipeline-lock';
import { stageKindsProblem } from '../pipeline-stage-rules';
import { loadPipelineStages } from '../pipeline-stages';
import { PipelineStagesRuleError } from '../pipeline-stages-rule.error';
import { StageHasDealsError } from '../stage-has-deals.error';
import { StageReferences } from '../stage-references';
import { UpdateStageCommand } from './update-stage.command';

/**
 * Changes a stage's name, probability (its deals without their own follow), rotting threshold
 * or kind — the kind only while the stage has no deals, and only as the stage rules allow.
 */
@CommandHandler(UpdateStageCommand)
export class UpdateStageHandler implements ICommandHandler<UpdateStageCommand, PipelineStageEntity> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly references: StageReferences,
  ) {}

  execute({ pipelineId, stageId, input }: UpdateStageCommand): Promise<PipelineStageEntity> {
    return this.uow.run(async (tx) => {
      const pipeline = await lockPipeline(tx, pipelineId);
      const stage = await lockStageOf(tx, pipeline, stageId);
      const before = stageSnapshot(tx, stage);
      if (input.kind !== undefined && input.kind !== stage.kind) {
        const stages =
          (await loadPipelineStages(tx.repository(PipelineStageEntity), [pipeline.id])).get(pipeline.id) ?? [];
        const kinds = stages.map((each) => (each.id === stage.id ? (input.kind ?? each.kind) : each.kind));
        const problem = stageKindsProblem(kinds);
        if (problem !== null) throw new PipelineStagesRuleError(problem);
        const dealCount = await this.references.count(tx, [stage.id]);
        if (dealCount > 0) throw new StageHasDealsError('stage', dealCount, 'move them before changing its kind');
        stage.kind = input.kind;
      }
      if (input.name !== undefined) stage.name = input.name;
      if (input.probability !== undefined) stage.probability = input.probability;
      if (input.rottenAfterDays !== undefined) stage.rottenAfterDays = input.rottenAfterDays;
      const saved = await tx.repository(PipelineStageEntity).save(stage);
      await recordStageChange(tx, 'updated', saved, { before, after: stageSnapshot(tx, saved) });
      return saved;
    });
  }
}
