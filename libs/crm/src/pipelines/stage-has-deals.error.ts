import { ConflictError } from '@clientele/core';

/**
 * 409: the stage (or a stage of the pipeline) still holds deals, and the call did not say where
 * they go (`?moveTo=<stageId>`). Nothing is ever cascaded away.
 */
export class StageHasDealsError extends ConflictError {
  static readonly code = 'STAGE_HAS_DEALS';

  constructor(what: 'stage' | 'pipeline', dealCount: number) {
    super(
      StageHasDealsError.code,
      `The ${what} still has ${dealCount} deal${dealCount === 1 ? '' : 's'}; name where they go with ?moveTo=<stageId>.`,
      { dealCount },
    );
  }
}
