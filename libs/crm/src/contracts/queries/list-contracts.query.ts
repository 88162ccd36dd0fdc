import type { ListContractsParams } from '../dto/list-contracts.params';

export class ListContractsQuery {
  constructor(readonly params: ListContractsParams) {}
}
