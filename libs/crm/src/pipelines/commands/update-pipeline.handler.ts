import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import { PipelineStageEntity } from '../entities/pipeline-stage.entity';
import { PipelineEntity } from '../entities/pipeline.entity';
import { pipelineSnapshot, recordPipelineChange } from '../events/pipeline.events';
import { loadPipelineStages } from '../pipeline-stages';
import type { PipelineView } from '../pipeline-view';
import { UpdatePipelineCommand } from './update-pipeline.command';

@CommandHandler(UpdatePipelineCommand)
export class UpdatePipelineHandler implements ICommandHandler<UpdatePipelineCommand, PipelineView> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ pipelineId, input }: UpdatePipelineCommand): Promise<PipelineView> {
    return this.uow.run(async (tx) => {
      const pipelines = tx.repository(PipelineEntity);
      const pipeline = await pipelines.findOneForUpdate(pipelineId);
      const stages =
        (await loadPipelineStages(tx.repository(PipelineStageEntity), [pipeline.id])).get(pipeline.id) ?? [];
      const before = pipelineSnapshot(pipeline, stages);
      if (input.name !== undefined) pipeline.name = input.name;
      const saved = await pipelines.save(pipeline);
      await recordPipelineChange(tx, 'updated', saved, { before, after: pipelineSnapshot(saved, stages) });
      return { pipeline: saved, stages };
    });
  }
}
