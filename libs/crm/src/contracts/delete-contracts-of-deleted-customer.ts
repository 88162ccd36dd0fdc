import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Transaction } from '@clientele/core';
import { type CustomerEntity, CustomerDeletionSteps } from '../customers';
import { ContractEntity } from './entities/contract.entity';
import { contractSnapshot, recordContractChange } from './events/contract.events';

/**
 * A contract is the customer's and means nothing without it: deleting a customer soft-deletes
 * its contracts in the same transaction, each recorded as a `contract.deleted` (tickets opened
 * under their policies keep their due times).
 */
@Injectable()
export class DeleteContractsOfDeletedCustomer implements OnModuleInit {
  constructor(private readonly steps: CustomerDeletionSteps) {}

  onModuleInit(): void {
    this.steps.register({ name: 'contracts', run: (tx, customer) => this.cascade(tx, customer) });
  }

  private async cascade(tx: Transaction, customer: CustomerEntity): Promise<void> {
    const contracts = tx.repository(ContractEntity);
    const owned = await contracts
      .query('contract', 'visible')
      .andWhere('contract.organizationId = :organizationId', { organizationId: customer.organizationId })
      .andWhere('contract.customerId = :customerId', { customerId: customer.id })
      .orderBy('contract.id')
      .setLock('pessimistic_write')
      .getMany();
    for (const contract of owned) {
      await contracts.softRemove(contract);
      await recordContractChange(tx, 'deleted', contract, { before: contractSnapshot(contract) });
    }
  }
}
