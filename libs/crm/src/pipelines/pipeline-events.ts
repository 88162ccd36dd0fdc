import type { Transaction } from '@clientele/core';
import type { PipelineStageEntity } from './entities/pipeline-stage.entity';
import type { PipelineEntity } from './entities/pipeline.entity';

/**
 * Every event the pipelines module emits, in one place: what audit entries and outbox events
 * carry for a pipeline (its columns and its stages in order) and for a stage (its columns).
 */
export function pipelineSnapshot(
  tx: Transaction,
  pipeline: PipelineEntity,
  stages: readonly PipelineStageEntity[],
): Record<string, unknown> {
  return {
    ...tx.snapshot(pipeline),
    stages: [...stages].sort((a, b) => a.position - b.position).map((stage) => stageSnapshot(tx, stage)),
  };
}

export function stageSnapshot(tx: Transaction, stage: PipelineStageEntity): Record<string, unknown> {
  return tx.snapshot(stage);
}

type PipelineVerb = 'created' | 'updated' | 'deleted' | 'stages_reordered';

export async function recordPipelineChange(
  tx: Transaction,
  verb: PipelineVerb,
  pipeline: PipelineEntity,
  change: { before?: Record<string, unknown>; after?: Record<string, unknown> },
): Promise<void> {
  await tx.record({
    type: `pipeline.${verb}`,
    entity: 'pipeline',
    entityId: pipeline.id,
    organizationId: pipeline.organizationId,
    before: change.before ?? null,
    after: change.after ?? null,
  });
}

type StageVerb = 'created' | 'updated' | 'deleted';

export async function recordStageChange(
  tx: Transaction,
  verb: StageVerb,
  stage: PipelineStageEntity,
  change: { before?: Record<string, unknown>; after?: Record<string, unknown> },
): Promise<void> {
  await tx.record({
    type: `pipeline_stage.${verb}`,
    entity: 'pipeline_stage',
    entityId: stage.id,
    organizationId: stage.organizationId,
    before: change.before ?? null,
    after: change.after ?? null,
  });
}
