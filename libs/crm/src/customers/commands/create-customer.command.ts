import type { CreateCustomerDto } from '../dto/create-customer.dto';

export class CreateCustomerCommand {
  constructor(readonly input: CreateCustomerDto) {}
}
