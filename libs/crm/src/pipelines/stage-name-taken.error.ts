import { ConflictError } from '@clientele/core';

/** 409: another live stage of the pipeline has this name (any case). */
export class StageNameTakenError extends ConflictError {
  static readonly code = 'STAGE_NAME_TAKEN';

  constructor(name: string) {
    super(StageNameTakenError.code, `The pipeline already has a stage named "${name}".`);
  }
}
