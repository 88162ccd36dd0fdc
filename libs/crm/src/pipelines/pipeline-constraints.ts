import { registerUniqueConstraint } from '@clientele/core';
import { PipelineNameTakenError } from './pipeline-name-taken.error';
import { PipelineStagesRuleError } from './pipeline-stages-rule.error';
import { StageNameTakenError } from './stage-name-taken.error';

registerUniqueConstraint(
  'pipeline_name_uq',
  PipelineNameTakenError.code,
  'The organization already has a pipeline with this name.',
);
registerUniqueConstraint(
  'pipeline_stage_name_uq',
  StageNameTakenError.code,
  'The pipeline already has a stage with this name.',
);
registerUniqueConstraint(
  'pipeline_stage_closing_uq',
  PipelineStagesRuleError.code,
  'A pipeline has exactly one WON and one LOST stage.',
);
