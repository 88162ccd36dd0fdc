import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import { ContractEntity } from '../entities/contract.entity';
import { contractSnapshot, recordContractChange } from '../events/contract.events';
import { DeleteContractCommand } from './delete-contract.command';

/** Soft-deletes a contract; tickets opened under its policy keep their due times. */
@CommandHandler(DeleteContractCommand)
export class DeleteContractHandler implements ICommandHandler<DeleteContractCommand, void> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ contractId }: DeleteContractCommand): Promise<void> {
    return this.uow.run(async (tx) => {
      const contracts = tx.repository(ContractEntity);
      const contract = await contracts.findOneForUpdate(contractId);
      await contracts.softRemove(contract);
      await recordContractChange(tx, 'deleted', contract, { before: contractSnapshot(contract) });
    });
  }
}
