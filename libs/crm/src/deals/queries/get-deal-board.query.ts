import type { DealBoardParams } from '../dto/deal-board.params';

export class GetDealBoardQuery {
  constructor(readonly params: DealBoardParams) {}
}
