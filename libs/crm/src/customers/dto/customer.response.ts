import { ApiProperty } from '@nestjs/swagger';
import { TagSummaryResponse } from '../../tags';
import { CONTACT_KINDS, type ContactKind } from '../../contact-kind';
import { CONTRACT_STATUSES, type ContractStatus } from '../customer-stats';
import type { CustomerView } from '../customer-view';

export class CustomerResponse {
  id: string;
  organizationId: string;
  name: string;
  @ApiProperty({ enum: CONTACT_KINDS })
  kind: ContactKind;
  @ApiProperty({ example: 'acme.com', nullable: true, type: String })
  primaryDomain: string | null;
  @ApiProperty({ nullable: true, type: String })
  logoUrl: string | null;
  @ApiProperty({ nullable: true, type: String })
  notes: string | null;
  @ApiProperty({ nullable: true, type: String })
  ownerId: string | null;
  /** Live contacts linked to the customer. */
  contactCount: number;
  /** Open tickets of the customer (0 until the tickets module exists). */
  openTicketCount: number;
  @ApiProperty({ enum: CONTRACT_STATUSES, description: 'Support contract state (NONE until contracts exist).' })
  contractStatus: ContractStatus;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '£1,200.00 monthly, next bill 1 Dec 2026',
    description: 'One line about automated billing (null until billing exists).',
  })
  billingSummary: string | null;
  tags: TagSummaryResponse[];
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
  version: number;

  static from({ customer, tags, stats }: CustomerView): CustomerResponse {
    return {
      id: customer.id,
      organizationId: customer.organizationId,
      name: customer.name,
      kind: customer.kind,
      primaryDomain: customer.primaryDomain,
      logoUrl: customer.logoUrl,
      notes: customer.notes,
      ownerId: customer.ownerId,
      contactCount: stats.contactCount,
      openTicketCount: stats.openTicketCount,
      contractStatus: stats.contractStatus,
      billingSummary: stats.billingSummary,
      tags: TagSummaryResponse.list(tags),
      createdAt: customer.createdAt.toISOString(),
      updatedAt: customer.updatedAt.toISOString(),
      version: customer.version,
    };
  }
}
