import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RowExporter } from '@clientele/core';
import { CreateCustomerHandler } from './commands/create-customer.handler';
import { DeleteCustomerHandler } from './commands/delete-customer.handler';
import { UpdateCustomerHandler } from './commands/update-customer.handler';
import './customer-constraints';
import { CustomerDeletionSteps } from './customer-deletion-steps';
import { CustomersController } from './customers.controller';
import { ExportCustomersHandler } from './queries/export-customers.handler';
import { GetCustomerHandler } from './queries/get-customer.handler';
import { ListCustomersHandler } from './queries/list-customers.handler';

/** Customers (companies) the organization supports or sells to. */
@Module({
  imports: [CqrsModule],
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
export class CustomersModule {}
