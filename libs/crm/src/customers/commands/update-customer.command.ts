import type { UpdateCustomerDto } from '../dto/update-customer.dto';

export class UpdateCustomerCommand {
  constructor(
    readonly customerId: string,
    readonly input: UpdateCustomerDto,
  ) {}
}
