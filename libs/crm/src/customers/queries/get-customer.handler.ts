import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScopedReader } from '@clientele/core';
import type { CustomerView } from '../customer-view';
import { customerView, selectCustomerView } from '../customer-views';
import { CustomerEntity } from '../entities/customer.entity';
import { GetCustomerQuery } from './get-customer.query';

/** One customer with its tags and figures, in one statement. */
@QueryHandler(GetCustomerQuery)
export class GetCustomerHandler implements IQueryHandler<GetCustomerQuery, CustomerView> {
  constructor(private readonly reader: ScopedReader) {}

  async execute({ customerId }: GetCustomerQuery): Promise<CustomerView> {
    const { entity, raw } = await this.reader
      .repository(CustomerEntity)
      .findOneOrFailWithRaw(customerId, selectCustomerView);
    return customerView(entity, raw);
  }
}
