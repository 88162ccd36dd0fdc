import { ApiProperty } from '@nestjs/swagger';
import type { CustomerEntity } from '../entities/customer.entity';

/** A customer as shown on one of its contacts. */
export class CustomerSummaryResponse {
  id: string;
  name: string;
  @ApiProperty({ nullable: true, type: String })
  primaryDomain: string | null;
  @ApiProperty({ nullable: true, type: String })
  logoUrl: string | null;

  static from(customer: CustomerEntity): CustomerSummaryResponse {
    return Object.assign(new CustomerSummaryResponse(), {
      id: customer.id,
      name: customer.name,
      primaryDomain: customer.primaryDomain,
      logoUrl: customer.logoUrl,
    });
  }
}
