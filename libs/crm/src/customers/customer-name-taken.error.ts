import { ConflictError } from '@clientele/core';

/** 409: another live customer of the organization has this name (any case); `existingId` names it. */
export class CustomerNameTakenError extends ConflictError {
  static readonly code = 'CUSTOMER_NAME_TAKEN';

  constructor(
    readonly existingId: string,
    existingName: string,
  ) {
    super(CustomerNameTakenError.code, `The organization already has a customer named "${existingName}".`, {
      existingId,
    });
  }
}
