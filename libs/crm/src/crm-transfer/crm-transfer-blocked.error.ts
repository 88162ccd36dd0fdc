import { ConflictError } from '@clientele/core';

/** 409: some of the source organization's records cannot move, so nothing does. */
export class CrmTransferBlockedError extends ConflictError {
  static readonly code = 'CRM_TRANSFER_BLOCKED';

  constructor(detail: string) {
    super(CrmTransferBlockedError.code, detail);
  }
}
