import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScopedReader } from '@clientele/core';
import type { CustomerView } from '../customer-view';
import { customerViews } from '../customer-views';
import { CustomerEntity } from '../entities/customer.entity';
import { GetCustomerQuery } from './get-customer.query';

@QueryHandler(GetCustomerQuery)
export class GetCustomerHandler implements IQueryHandler<GetCustomerQuery, CustomerView> {
  constructor(private readonly reader: ScopedReader) {}

  async execute({ customerId }: GetCustomerQuery): Promise<CustomerView> {
    const customer = await this.reader.repository(CustomerEntity).findOneOrFail(customerId);
    const [view] = await customerViews(this.reader, [customer]);
    if (view === undefined) throw new Error(`no view built for customer ${customerId}`);
    return view;
  }
}
