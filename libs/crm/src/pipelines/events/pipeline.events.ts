import {
  defineEvent,
  EventVisibilities,
  type Infer,
  ORGANIZATION_RECORD_FIELDS,
  organizationRecordSnapshot,
  Permission,
  schema,
  type Transaction,
} from '@clientele/core';
import type { PipelineStageEntity } from '../entities/pipeline-stage.entity';
import type { PipelineEntity } from '../entities/pipeline.entity';
import { STAGE_KINDS } from '../stage-kind';

/** A stage as audit entries and events carry it. */
export const STAGE_SNAPSHOT = schema.object({
  ...ORGANIZATION_RECORD_FIELDS,
  pipelineId: schema.uuid(),
  name: schema.string(),
  position: schema.integer(),
  probability: schema.integer(),
  kind: schema.enum(...STAGE_KINDS),
  rottenAfterDays: schema.nullable(schema.integer()),
});
export type StageSnapshot = Infer<typeof STAGE_SNAPSHOT>;

/** A pipeline as audit entries and events carry it: its columns and its stages in order. */
export const PIPELINE_SNAPSHOT = schema.object({
  ...ORGANIZATION_RECORD_FIELDS,
  name: schema.string(),
  stages: schema.array(STAGE_SNAPSHOT),
});
export type PipelineSnapshot = Infer<typeof PIPELINE_SNAPSHOT>;

export function stageSnapshot(stage: PipelineStageEntity): StageSnapshot {
  return {
    ...organizationRecordSnapshot(stage),
    pipelineId: stage.pipelineId,
    name: stage.name,
    position: stage.position,
    probability: stage.probability,
    kind: stage.kind,
    rottenAfterDays: stage.rottenAfterDays ?? null,
  };
}

export function pipelineSnapshot(pipeline: PipelineEntity, stages: readonly PipelineStageEntity[]): PipelineSnapshot {
  return {
    ...organizationRecordSnapshot(pipeline),
    name: pipeline.name,
    stages: [...stages].sort((a, b) => a.position - b.position).map((stage) => stageSnapshot(stage)),
  };
}

export const PipelineCreated = defineEvent('pipeline.created', 1, PIPELINE_SNAPSHOT);
export const PipelineUpdated = defineEvent('pipeline.updated', 1, PIPELINE_SNAPSHOT);
export const PipelineDeleted = defineEvent('pipeline.deleted', 1, PIPELINE_SNAPSHOT);
export const PipelineStagesReordered = defineEvent('pipeline.stages_reordered', 1, PIPELINE_SNAPSHOT);
export const StageCreated = defineEvent('pipeline_stage.created', 1, STAGE_SNAPSHOT);
export const StageUpdated = defineEvent('pipeline_stage.updated', 1, STAGE_SNAPSHOT);
export const StageDeleted = defineEvent('pipeline_stage.deleted', 1, STAGE_SNAPSHOT);

EventVisibilities.register({ key: 'pipeline', grant: Permission.ORG_PIPELINE_VIEW });
EventVisibilities.register({ key: 'pipeline_stage', grant: Permission.ORG_PIPELINE_VIEW });

const PIPELINE_CHANGES = {
  created: PipelineCreated,
  updated: PipelineUpdated,
  deleted: PipelineDeleted,
  stages_reordered: PipelineStagesReordered,
} as const;
const STAGE_CHANGES = { created: StageCreated, updated: StageUpdated, deleted: StageDeleted } as const;

export async function recordPipelineChange(
  tx: Transaction,
  verb: keyof typeof PIPELINE_CHANGES,
  pipeline: PipelineEntity,
  change: { before?: PipelineSnapshot; after?: PipelineSnapshot },
): Promise<void> {
  await tx.publish(PIPELINE_CHANGES[verb], {
    entityId: pipeline.id,
    organizationId: pipeline.organizationId,
    ...change,
  });
}

export async function recordStageChange(
  tx: Transaction,
  verb: keyof typeof STAGE_CHANGES,
  stage: PipelineStageEntity,
  change: { before?: StageSnapshot; after?: StageSnapshot },
): Promise<void> {
  await tx.publish(STAGE_CHANGES[verb], { entityId: stage.id, organizationId: stage.organizationId, ...change });
}
