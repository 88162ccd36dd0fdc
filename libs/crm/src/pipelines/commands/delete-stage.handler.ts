import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type Transaction, UnitOfWork, ValidationError } from '@clientele/core';
import { PipelineStageEntity } from '../entities/pipeline-stage.entity';
import { recordStageChange, stageSnapshot } from '../events/pipeline.events';
import { lockPipeline, lockStageOf } from '../pipeline-lock';
import { stageKindsProblem } from '../pipeline-stage-rules';
import { loadPipelineStages } from '../pipeline-stages';
import { PipelineStagesRuleError } from '../pipeline-stages-rule.error';
import { StageHasDealsError } from '../stage-has-deals.error';
import { StageReferences } from '../stage-references';
import { DeleteStageCommand } from './delete-stage.command';

/**
 * Soft-deletes a stage the pipeline can do without (never its WON or LOST stage, nor its last
 * OPEN one). Its deals go to `moveTo`, another OPEN stage; without it, a stage with deals stays.
 */
@CommandHandler(DeleteStageCommand)
export class DeleteStageHandler implements ICommandHandler<DeleteStageCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly references: StageReferences,
  ) {}

  execute({ pipelineId, stageId, moveTo }: DeleteStageCommand): Promise<void> {
    return this.uow.run(async (tx) => {
      const pipeline = await lockPipeline(tx, pipelineId);
      const repository = tx.repository(PipelineStageEntity);
      const stage = await lockStageOf(tx, pipeline, stageId);
      const stages = (await loadPipelineStages(repository, [pipeline.id])).get(pipeline.id) ?? [];
      const rest = stages.filter((each) => each.id !== stage.id);
      const problem = stageKindsProblem(rest.map((each) => each.kind));
      if (problem !== null) throw new PipelineStagesRuleError(problem);

      // A named target is checked whether or not deals sit in the stage: a foreign one is a 404.
      const target = moveTo === undefined ? undefined : await moveTarget(tx, pipeline.organizationId, stage, moveTo);
      const dealCount = await this.references.count(tx, [stage.id]);
      if (dealCount > 0) {
        if (target === undefined) throw new StageHasDealsError('stage', dealCount);
        await this.references.move(tx, [{ from: stage, to: target }]);
      }
      const before = stageSnapshot(stage);
      await repository.softRemove(stage);
      for (const [position, each] of rest.entries()) {
        if (each.position === position) continue;
        each.position = position;
        await repository.save(each);
      }
      await recordStageChange(tx, 'deleted', stage, { before });
    });
  }
}

/** The stage `moveTo` names for the deals of `stage`: another live stage of the organization, of the same kind. */
async function moveTarget(
  tx: Transaction,
  organizationId: string,
  stage: PipelineStageEntity,
  moveTo: string,
): Promise<PipelineStageEntity> {
  const target = await tx.repository(PipelineStageEntity).findReferenced(moveTo, organizationId, 'moveTo');
  if (target.id === stage.id) {
    throw ValidationError.field('moveTo', 'moveTo must be another stage', 'INVALID_MOVE_TARGET');
  }
  if (target.kind !== stage.kind) {
    throw ValidationError.field('moveTo', `moveTo must be an ${stage.kind} stage`, 'INVALID_MOVE_TARGET');
  }
  return target;
}
