import { ConflictError } from '@clientele/core';
import type { DealStatus } from './deal-status';

/** 409: a WON or LOST deal changes stage only after `POST /deals/:id/reopen`. */
export class DealAlreadyClosedError extends ConflictError {
  static readonly code = 'DEAL_CLOSED';

  constructor(dealId: string, status: DealStatus) {
    super(DealAlreadyClosedError.code, `Deal ${dealId} is ${status}: reopen it before moving it to another stage.`, {
      status,
    });
  }
}
