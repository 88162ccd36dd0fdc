// What other rooms may use from customers.
export {
  type CustomerColumn,
  type CustomerColumnKey,
  CustomerColumns,
  type CustomerColumnValues,
  registerCustomerColumn,
} from './customer-columns';
export { type CustomerDeletionStep, CustomerDeletionSteps } from './customer-deletion-steps';
export { assertCustomerNameFree, findOrCreateCustomerByName } from './customer-names';
export { type CustomerSummary, customerSummarySql } from './customer-summary';
export { customerSearchText } from './customer-search-text';
export { CONTRACT_STATUSES, type ContractStatus } from './customer-stats';
export { CUSTOMER_TAGS } from './customer-tags';
export { CustomersModule } from './customers.module';
export { CustomerSummaryResponse } from './dto/customer-summary.response';
export { CustomerEntity } from './entities/customer.entity';
export { GetCustomerQuery } from './queries/get-customer.query';
