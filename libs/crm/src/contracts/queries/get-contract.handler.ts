import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScopedReader } from '@clientele/core';
import { ContractEntity } from '../entities/contract.entity';
import { GetContractQuery } from './get-contract.query';

@QueryHandler(GetContractQuery)
export class GetContractHandler implements IQueryHandler<GetContractQuery, ContractEntity> {
  constructor(private readonly reader: ScopedReader) {}

  execute({ contractId }: GetContractQuery): Promise<ContractEntity> {
    return this.reader.repository(ContractEntity).findOneOrFail(contractId);
  }
}
