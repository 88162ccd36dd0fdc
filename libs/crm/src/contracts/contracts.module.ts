import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomersModule } from '../customers';
import { CreateContractHandler } from './commands/create-contract.handler';
import { DeleteContractHandler } from './commands/delete-contract.handler';
import { DeleteSlaPolicyHandler } from './commands/delete-sla-policy.handler';
import { SaveSlaPolicyHandler } from './commands/save-sla-policy.handler';
import { UpdateContractHandler } from './commands/update-contract.handler';
import './contract-customer-column';
import { ContractsController } from './contracts.controller';
import { DeleteContractsOfDeletedCustomer } from './delete-contracts-of-deleted-customer';
import { ContractEntity } from './entities/contract.entity';
import { OrganizationSlaPolicyEntity } from './entities/organization-sla-policy.entity';
import { GetContractHandler } from './queries/get-contract.handler';
import { GetSlaPolicyHandler } from './queries/get-sla-policy.handler';
import { ListContractsHandler } from './queries/list-contracts.handler';
import { SlaPolicyController } from './sla-policy.controller';
import './ticket-sla-due-times';
import './contract-transfer';

/**
 * Customers' support contracts with SLA policies, and the organization's default policy.
 * Registers the customer list's `contractStatus`, the tickets' SLA due times (a ticket opening
 * step) and the cascade of a customer's deletion to its contracts.
 */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature([ContractEntity, OrganizationSlaPolicyEntity]), CustomersModule],
  controllers: [ContractsController, SlaPolicyController],
  providers: [
    DeleteContractsOfDeletedCustomer,
    CreateContractHandler,
    UpdateContractHandler,
    DeleteContractHandler,
    SaveSlaPolicyHandler,
    DeleteSlaPolicyHandler,
    ListContractsHandler,
    GetContractHandler,
    GetSlaPolicyHandler,
  ],
})
export class ContractsModule {}
