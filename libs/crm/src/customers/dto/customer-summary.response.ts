import { ApiProperty } from '@nestjs/swagger';
import type { CustomerSummary } from '../customer-summary';

/** A customer as shown on one of its contacts. */
export class CustomerSummaryResponse {
  id: string;
  name: string;
  @ApiProperty({ nullable: true, type: String })
  primaryDomain: string | null;
  @ApiProperty({ nullable: true, type: String })
  logoUrl: string | null;

  static from(customer: CustomerSummary): CustomerSummaryResponse {
    return {
      id: customer.id,
      name: customer.name,
      primaryDomain: customer.primaryDomain,
      logoUrl: customer.logoUrl,
    };
  }
}
