import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork, ValidationError } from '@clientele/core';
import { DEFAULT_PIPELINE_STAGES, type StageTemplate } from '../default-pipeline';
import type { CreateStageDto } from '../dto/create-stage.dto';
import { defaultStageProbability } from '../pipeline-stage-rules';
import { createPipelineWithStages } from '../pipeline-stages';
import type { PipelineView } from '../pipeline-view';
import { CreatePipelineCommand } from './create-pipeline.command';

/** The stages of a body in order, with their default probabilities; a 400 naming the bad one. */
function stageTemplates(stages: readonly CreateStageDto[]): StageTemplate[] {
  const names = new Set<string>();
  return stages.map((stage, index) => {
    const kind = stage.kind ?? 'OPEN';
    const probability = stage.probability ?? defaultStageProbability(kind);
    if (probability === undefined) {
      throw ValidationError.field(
        `stages.${index}.probability`,
        'an OPEN stage needs a probability (0–100)',
        'STAGE_PROBABILITY_REQUIRED',
      );
    }
    const key = stage.name.toLowerCase();
    if (names.has(key))
      throw ValidationError.field(
        `stages.${index}.name`,
        `two stages are named "${stage.name}"`,
        'DUPLICATE_STAGE_NAME',
      );
    names.add(key);
    return { name: stage.name, kind, probability, rottenAfterDays: stage.rottenAfterDays ?? null };
  });
}

@CommandHandler(CreatePipelineCommand)
export class CreatePipelineHandler implements ICommandHandler<CreatePipelineCommand, PipelineView> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ input }: CreatePipelineCommand): Promise<PipelineView> {
    return this.uow.run(async (tx) => {
      const organizationId = tx.scope.targetOrganizationId(input.organizationId);
      const templates = input.stages === undefined ? DEFAULT_PIPELINE_STAGES : stageTemplates(input.stages);
      return createPipelineWithStages(tx, organizationId, input.name, templates);
    });
  }
}
