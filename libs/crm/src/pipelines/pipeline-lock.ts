import { NotFoundError, type Transaction } from '@clientele/core';
import { PipelineStageEntity } from './entities/pipeline-stage.entity';
import { PipelineEntity } from './entities/pipeline.entity';

/**
 * The pipeline a stage change is about, locked for the transaction so concurrent changes to its
 * stages (add, delete, reorder) run one after the other and the stage rules hold. Its `If-Match`
 * is not checked here: a stage's own version is (`findOneForUpdate` on the stage).
 */
export async function lockPipeline(tx: Transaction, pipelineId: string): Promise<PipelineEntity> {
  const pipeline = await tx
    .repository(PipelineEntity)
    .query('pipeline', 'visible')
    .andWhere('pipeline.id = :pipelineId', { pipelineId })
    .setLock('pessimistic_write')
    .getOne();
  if (pipeline === null) throw new NotFoundError('PIPELINE', pipelineId);
  tx.scope.assertGranted(pipeline.organizationId);
  return pipeline;
}

/** The stage of this pipeline, locked (and checked against `If-Match`); one of another pipeline is a 404. */
export async function lockStageOf(
  tx: Transaction,
  pipeline: PipelineEntity,
  stageId: string,
): Promise<PipelineStageEntity> {
  const stage = await tx.repository(PipelineStageEntity).findOneForUpdate(stageId);
  if (stage.pipelineId !== pipeline.id) throw new NotFoundError('PIPELINE_STAGE', stageId);
  return stage;
}
