import { ConflictError } from '@clientele/core';

/** 409: another live pipeline of the organization has this name (any case). */
export class PipelineNameTakenError extends ConflictError {
  static readonly code = 'PIPELINE_NAME_TAKEN';

  constructor(name: string) {
    super(PipelineNameTakenError.code, `The organization already has a pipeline named "${name}".`);
  }
}
