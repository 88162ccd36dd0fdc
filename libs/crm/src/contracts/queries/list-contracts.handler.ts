import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { escapeLike, type Page, paginate, ScopedReader } from '@clientele/core';
import { contractStateSql } from '../contract-state';
import { ContractEntity } from '../entities/contract.entity';
import { ListContractsQuery } from './list-contracts.query';

const CONTRACT_SORTS = {
  name: 'name',
  startDate: 'startDate',
  endDate: 'endDate',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
} as const;

/** Contracts, narrowed by customer, derived status (today, UTC) and name, newest first. */
@QueryHandler(ListContractsQuery)
export class ListContractsHandler implements IQueryHandler<ListContractsQuery, Page<ContractEntity>> {
  constructor(private readonly reader: ScopedReader) {}

  execute({ params }: ListContractsQuery): Promise<Page<ContractEntity>> {
    const qb = this.reader.repository(ContractEntity).query('contract');
    if (params.customerId !== undefined) {
      qb.andWhere('contract.customerId = :contractCustomerId', { contractCustomerId: params.customerId });
    }
    if (params.status !== undefined) {
      qb.andWhere(`${contractStateSql('contract')} = :contractStatus`, { contractStatus: params.status });
    }
    if (params.q !== undefined && params.q.trim() !== '') {
      qb.andWhere('lower(contract.name) LIKE :contractQ', {
        contractQ: `%${escapeLike(params.q.trim().toLowerCase())}%`,
      });
    }
    return paginate(qb, params, CONTRACT_SORTS, '-createdAt');
  }
}
