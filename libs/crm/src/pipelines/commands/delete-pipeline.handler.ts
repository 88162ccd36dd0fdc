import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type Transaction, UnitOfWork, ValidationError } from '@clientele/core';
import { PipelineStageEntity } from '../entities/pipeline-stage.entity';
import { PipelineEntity } from '../entities/pipeline.entity';
import { pipelineSnapshot, recordPipelineChange } from '../events/pipeline.events';
import { loadPipelineStages } from '../pipeline-stages';
import { StageHasDealsError } from '../stage-has-deals.error';
import { type StageMove, StageReferences } from '../stage-references';
import { DeletePipelineCommand } from './delete-pipeline.command';

/**
 * Soft-deletes a pipeline and its stages. Deals in it go where `moveTo` says (open deals to that
 * OPEN stage of another pipeline, won and lost ones to its WON and LOST stages); without
 * `moveTo`, a pipeline that has deals stays (409).
 */
@CommandHandler(DeletePipelineCommand)
export class DeletePipelineHandler implements ICommandHandler<DeletePipelineCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly references: StageReferences,
  ) {}

  execute({ pipelineId, moveTo }: DeletePipelineCommand): Promise<void> {
    return this.uow.run(async (tx) => {
      const pipelines = tx.repository(PipelineEntity);
      const stagesRepository = tx.repository(PipelineStageEntity);
      const pipeline = await pipelines.findOneForUpdate(pipelineId);
      const stages = (await loadPipelineStages(stagesRepository, [pipeline.id])).get(pipeline.id) ?? [];
      const before = pipelineSnapshot(pipeline, stages);
      // A named target is checked whether or not deals sit in the pipeline: a foreign one is a 404.
      const moves = moveTo === undefined ? undefined : await this.movesTo(tx, pipeline, stages, moveTo);
      const dealCount = await this.references.count(
        tx,
        stages.map((stage) => stage.id),
      );
      if (dealCount > 0) {
        if (moves === undefined) throw new StageHasDealsError('pipeline', dealCount);
        await this.references.move(tx, moves);
      }
      for (const stage of stages) await stagesRepository.softRemove(stage);
      await pipelines.softRemove(pipeline);
      await recordPipelineChange(tx, 'deleted', pipeline, { before });
    });
  }

  private async movesTo(
    tx: Transaction,
    pipeline: PipelineEntity,
    stages: readonly PipelineStageEntity[],
    moveTo: string,
  ): Promise<StageMove[]> {
    const target = await tx.repository(PipelineStageEntity).findReferenced(moveTo, pipeline.organizationId, 'moveTo');
    if (target.pipelineId === pipeline.id) {
      throw ValidationError.field('moveTo', 'moveTo must be a stage of another pipeline', 'INVALID_MOVE_TARGET');
    }
    if (target.kind !== 'OPEN') {
      throw ValidationError.field('moveTo', 'moveTo must be an OPEN stage', 'INVALID_MOVE_TARGET');
    }
    const targetStages =
      (await loadPipelineStages(tx.repository(PipelineStageEntity), [target.pipelineId])).get(target.pipelineId) ?? [];
    const closing = (kind: 'WON' | 'LOST'): PipelineStageEntity => {
      const stage = targetStages.find((each) => each.kind === kind);
      // Every pipeline has one WON and one LOST stage (the stage rules and a unique index keep it so).
      if (stage === undefined) throw new Error(`pipeline ${target.pipelineId} has no ${kind} stage`);
      return stage;
    };
    return stages.map((from) => ({ from, to: from.kind === 'OPEN' ? target : closing(from.kind) }));
  }
}
