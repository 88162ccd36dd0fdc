import type { PipelineStageEntity } from './entities/pipeline-stage.entity';
import type { PipelineEntity } from './entities/pipeline.entity';

/** A pipeline with its live stages in order. */
export interface PipelineView {
  readonly pipeline: PipelineEntity;
  readonly stages: readonly PipelineStageEntity[];
}
