import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import { CustomerEntity } from '../../customers';
import { ContractEntity } from '../entities/contract.entity';
import { contractSnapshot, recordContractChange } from '../events/contract.events';
import { slaPolicyFrom } from '../sla-policy-input';
import { CreateContractCommand } from './create-contract.command';

/** A support contract of one of the organization's customers (another organization's is a 404 on `customerId`). */
@CommandHandler(CreateContractCommand)
export class CreateContractHandler implements ICommandHandler<CreateContractCommand, ContractEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ input }: CreateContractCommand): Promise<ContractEntity> {
    return this.uow.run(async (tx) => {
      const organizationId = tx.scope.targetOrganizationId(input.organizationId);
      const slaPolicy = input.slaPolicy == null ? null : slaPolicyFrom(input.slaPolicy, 'slaPolicy.');
      const customer = await tx
        .repository(CustomerEntity)
        .findReferenced(input.customerId, organizationId, 'customerId');
      const contracts = tx.repository(ContractEntity);
      const contract = contracts.create({ organizationId, customerId: customer.id, name: input.name, slaPolicy });
      contract.schedule(input.startDate, input.endDate);
      const saved = await contracts.save(contract);
      await recordContractChange(tx, 'created', saved, { after: contractSnapshot(saved) });
      return saved;
    });
  }
}
