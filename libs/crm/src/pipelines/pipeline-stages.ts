import { type ScopedRepository, type Transaction, ValidationError } from '@clientele/core';
import { type StageTemplate } from './default-pipeline';
import { PipelineStageEntity } from './entities/pipeline-stage.entity';
import { PipelineEntity } from './entities/pipeline.entity';
import { recordPipelineChange, pipelineSnapshot } from './events/pipeline.events';
import { stageKindsProblem } from './pipeline-stage-rules';

/** The live stages of these pipelines, each pipeline's in order: pipeline id → stages. */
export async function loadPipelineStages(
  stages: ScopedRepository<PipelineStageEntity>,
  pipelineIds: readonly string[],
): Promise<Map<string, PipelineStageEntity[]>> {
  const byPipeline = new Map<string, PipelineStageEntity[]>(pipelineIds.map((id) => [id, []]));
  if (pipelineIds.length === 0) return byPipeline;
  const rows = await stages
    .query('stage', 'visible')
    .andWhere('stage.pipelineId = ANY(:pipelineIds)', { pipelineIds: [...pipelineIds] })
    .orderBy('stage.position', 'ASC')
    .addOrderBy('stage.id', 'ASC')
    .getMany();
  for (const stage of rows) byPipeline.get(stage.pipelineId)?.push(stage);
  return byPipeline;
}

/**
 * Where a deal starts when its body names no stage: the first OPEN stage of `pipelineId`, or of
 * the organization's oldest pipeline (the default one). A 400 on `stageId` when there is none.
 */
export async function firstOpenStage(
  tx: Transaction,
  organizationId: string,
  pipelineId?: string,
): Promise<PipelineStageEntity> {
  const qb = tx
    .repository(PipelineStageEntity)
    .query('stage', 'visible')
    .innerJoin(PipelineEntity, 'pipeline', 'pipeline.id = stage.pipelineId AND pipeline.tenantId = stage.tenantId')
    .andWhere('pipeline.deletedAt IS NULL')
    .andWhere('stage.organizationId = :organizationId', { organizationId })
    .andWhere("stage.kind = 'OPEN'");
  if (pipelineId !== undefined) qb.andWhere('stage.pipelineId = :pipelineId', { pipelineId });
  const stage = await qb
    .orderBy('pipeline.createdAt', 'ASC')
    .addOrderBy('pipeline.id', 'ASC')
    .addOrderBy('stage.position', 'ASC')
    .addOrderBy('stage.id', 'ASC')
    .limit(1)
    .getOne();
  if (stage === null)
    throw ValidationError.field('stageId', 'stageId is required: the organization has no pipeline', 'STAGE_NOT_OPEN');
  return stage;
}

/** A new pipeline with these stages in this order, and its `pipeline.created` entry. */
export async function createPipelineWithStages(
  tx: Transaction,
  organizationId: string,
  name: string,
  templates: readonly StageTemplate[],
): Promise<{ pipeline: PipelineEntity; stages: PipelineStageEntity[] }> {
  const problem = stageKindsProblem(templates.map((stage) => stage.kind));
  if (problem !== null) throw ValidationError.field('stages', `stages: ${problem}`, 'PIPELINE_STAGES_RULE');
  const pipelines = tx.repository(PipelineEntity);
  const pipeline = await pipelines.save(pipelines.create({ organizationId, name }));
  const repository = tx.repository(PipelineStageEntity);
  const stages: PipelineStageEntity[] = [];
  for (const [position, template] of templates.entries()) {
    stages.push(
      await repository.save(
        repository.create({
          organizationId,
          pipelineId: pipeline.id,
          name: template.name,
          position,
          probability: template.probability,
          kind: template.kind,
          rottenAfterDays: template.rottenAfterDays ?? null,
        }),
      ),
    );
  }
  await recordPipelineChange(tx, 'created', pipeline, { after: pipelineSnapshot(pipeline, stages) });
  return { pipeline, stages };
}
