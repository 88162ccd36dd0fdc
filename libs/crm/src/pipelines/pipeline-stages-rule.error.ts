import { ConflictError } from '@clientele/core';

/**
 * 409: the change would leave the pipeline without an OPEN stage, or without exactly one WON and
 * one LOST stage (`stageKindsProblem`): valid in itself, it conflicts with the stages there are.
 */
export class PipelineStagesRuleError extends ConflictError {
  static readonly code = 'PIPELINE_STAGES_RULE';

  constructor(problem: string) {
    super(PipelineStagesRuleError.code, `The change is refused: ${problem}.`);
  }
}
