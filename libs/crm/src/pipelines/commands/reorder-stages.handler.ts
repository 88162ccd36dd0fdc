import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork, ValidationError } from '@clientele/core';
import { PipelineStageEntity } from '../entities/pipeline-stage.entity';
import { PipelineEntity } from '../entities/pipeline.entity';
import { pipelineSnapshot, recordPipelineChange } from '../events/pipeline.events';
import { isPermutationOf } from '../pipeline-stage-rules';
import { loadPipelineStages } from '../pipeline-stages';
import type { PipelineView } from '../pipeline-view';
import { ReorderStagesCommand } from './reorder-stages.command';

/**
 * Puts the pipeline's stages in the order sent, all in one transaction: the body must name every
 * live stage once (Gauzy's pipeline PUT silently deleted the deals of stages left out; here a
 * stage left out is a 400 and nothing changes).
 */
@CommandHandler(ReorderStagesCommand)
export class ReorderStagesHandler implements ICommandHandler<ReorderStagesCommand, PipelineView> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ pipelineId, stageIds }: ReorderStagesCommand): Promise<PipelineView> {
    return this.uow.run(async (tx) => {
      const pipelines = tx.repository(PipelineEntity);
      const repository = tx.repository(PipelineStageEntity);
      const pipeline = await pipelines.findOneForUpdate(pipelineId);
      const stages = (await loadPipelineStages(repository, [pipeline.id])).get(pipeline.id) ?? [];
      if (
        !isPermutationOf(
          stageIds,
          stages.map((stage) => stage.id),
        )
      ) {
        throw ValidationError.field(
          'stageIds',
          'stageIds must name every stage of the pipeline exactly once',
          'STAGE_ORDER_INCOMPLETE',
        );
      }
      const before = pipelineSnapshot(pipeline, stages);
      const byId = new Map(stages.map((stage) => [stage.id, stage]));
      const ordered = stageIds.map((id) => byId.get(id.toLowerCase())).filter((stage) => stage !== undefined);
      for (const [position, stage] of ordered.entries()) {
        if (stage.position === position) continue;
        stage.position = position;
        await repository.save(stage);
      }
      // The pipeline's version moves too: its ETag covers the order of its stages.
      pipeline.updatedAt = new Date();
      const saved = await pipelines.save(pipeline);
      await recordPipelineChange(tx, 'stages_reordered', saved, {
        before,
        after: pipelineSnapshot(saved, ordered),
      });
      return { pipeline: saved, stages: ordered };
    });
  }
}
