import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import { ContractEntity } from '../entities/contract.entity';
import { contractSnapshot, recordContractChange } from '../events/contract.events';
import { slaPolicyFrom } from '../sla-policy-input';
import { UpdateContractCommand } from './update-contract.command';

/** Changes the fields sent; the dates are checked together (the end not before the start). */
@CommandHandler(UpdateContractCommand)
export class UpdateContractHandler implements ICommandHandler<UpdateContractCommand, ContractEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ contractId, input }: UpdateContractCommand): Promise<ContractEntity> {
    return this.uow.run(async (tx) => {
      const contracts = tx.repository(ContractEntity);
      const contract = await contracts.findOneForUpdate(contractId);
      const before = contractSnapshot(contract);
      if (input.name !== undefined) contract.name = input.name;
      if (input.slaPolicy !== undefined) {
        contract.slaPolicy = input.slaPolicy === null ? null : slaPolicyFrom(input.slaPolicy, 'slaPolicy.');
      }
      contract.schedule(input.startDate ?? contract.startDate, input.endDate ?? contract.endDate);
      const saved = await contracts.save(contract);
      await recordContractChange(tx, 'updated', saved, { before, after: contractSnapshot(saved) });
      return saved;
    });
  }
}
