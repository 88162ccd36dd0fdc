import { ConflictError } from '@clientele/core';

/**
 * 409: the stage (or a stage of the pipeline) still holds deals: it cannot be deleted unless the
 * call says where they go (`?moveTo=<stageId>`), nor change its kind. Nothing is ever cascaded away.
 */
export class StageHasDealsError extends ConflictError {
  static readonly code = 'STAGE_HAS_DEALS';

  constructor(what: 'stage' | 'pipeline', dealCount: number, remedy = 'name where they go with ?moveTo=<stageId>') {
    super(StageHasDealsError.code, `The ${what} still has ${dealCount} deal${dealCount === 1 ? '' : 's'}; ${remedy}.`, {
      dealCount,
    });
  }
}
