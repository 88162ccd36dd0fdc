// What other rooms may use from contracts.
export { ContractsModule } from './contracts.module';
export { ContractEntity } from './entities/contract.entity';
export { OrganizationSlaPolicyEntity } from './entities/organization-sla-policy.entity';
export type { SlaPolicy } from './sla-policy';
