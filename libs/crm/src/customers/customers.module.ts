import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RowExporter } from '@clientele/core';
import { CreateCustomerHandler } from './commands/create-customer.handler';
import { DeleteCustomerHandler } from './commands/delete-customer.handler';
import { UpdateCustomerHandler } from './commands/update-customer.handler';
import { assertCustomerColumnsComplete, CustomerColumns } from './customer-columns';
import './customer-constraints';
import './customer-counts';
import './customer-transfer';
import './customer-search-section';
import { CustomerDeletionSteps } from './customer-deletion-steps';
import { CustomersController } from './customers.controller';
import { ExportCustomersHandler } from './queries/export-customers.handler';
import { GetCustomerHandler } from './queries/get-customer.handler';
import { ListCustomersHandler } from './queries/list-customers.handler';
import { CustomerEntity } from './entities/customer.entity';

/** Customers (companies) the organization supports or sells to. */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature([CustomerEntity])],
  controllers: [CustomersController],
  providers: [
    RowExporter,
    CustomerDeletionSteps,
    CreateCustomerHandler,
    UpdateCustomerHandler,
    DeleteCustomerHandler,
    ListCustomersHandler,
    GetCustomerHandler,
    ExportCustomersHandler,
  ],
  exports: [CustomerDeletionSteps],
})
export class CustomersModule implements OnApplicationBootstrap {
  onApplicationBootstrap(): void {
    CustomerColumns.freeze();
    assertCustomerColumnsComplete();
  }
}
