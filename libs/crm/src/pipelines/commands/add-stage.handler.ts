import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork, ValidationError } from '@clientele/core';
import { PipelineStageEntity } from '../entities/pipeline-stage.entity';
import { recordStageChange, stageSnapshot } from '../events/pipeline.events';
import { lockPipeline } from '../pipeline-lock';
import { defaultStageProbability, stageKindsProblem } from '../pipeline-stage-rules';
import { loadPipelineStages } from '../pipeline-stages';
import { PipelineStagesRuleError } from '../pipeline-stages-rule.error';
import { AddStageCommand } from './add-stage.command';

/** A new stage at `position` (default last); the stages from there on move one down. */
@CommandHandler(AddStageCommand)
export class AddStageHandler implements ICommandHandler<AddStageCommand, PipelineStageEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ pipelineId, input }: AddStageCommand): Promise<PipelineStageEntity> {
    return this.uow.run(async (tx) => {
      const pipeline = await lockPipeline(tx, pipelineId);
      const repository = tx.repository(PipelineStageEntity);
      const stages = (await loadPipelineStages(repository, [pipeline.id])).get(pipeline.id) ?? [];
      const kind = input.kind ?? 'OPEN';
      const probability = input.probability ?? defaultStageProbability(kind);
      if (probability === undefined) {
        throw ValidationError.field(
          'probability',
          'an OPEN stage needs a probability (0–100)',
          'STAGE_PROBABILITY_REQUIRED',
        );
      }
      const problem = stageKindsProblem([...stages.map((stage) => stage.kind), kind]);
      if (problem !== null) throw new PipelineStagesRuleError(problem);
      const position = Math.min(input.position ?? stages.length, stages.length);
      // From the last one up, so positions stay distinct at every step.
      for (const stage of [...stages].reverse()) {
        if (stage.position < position) continue;
        stage.position += 1;
        await repository.save(stage);
      }
      const stage = await repository.save(
        repository.create({
          organizationId: pipeline.organizationId,
          pipelineId: pipeline.id,
          name: input.name,
          position,
          probability,
          kind,
          rottenAfterDays: input.rottenAfterDays ?? null,
        }),
      );
      await recordStageChange(tx, 'created', stage, { after: stageSnapshot(stage) });
      return stage;
    });
  }
}
