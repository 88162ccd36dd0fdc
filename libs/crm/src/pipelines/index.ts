// What other rooms may use from pipelines.
export { PipelineStageEntity } from './entities/pipeline-stage.entity';
export { PipelineEntity } from './entities/pipeline.entity';
export { DEFAULT_PIPELINE_NAME, DEFAULT_PIPELINE_STAGES } from './default-pipeline';
export { firstOpenStage, loadPipelineStages } from './pipeline-stages';
export { PipelinesModule } from './pipelines.module';
export { STAGE_KINDS, type StageKind } from './stage-kind';
export { type StageMove, type StageReference, StageReferences } from './stage-references';
