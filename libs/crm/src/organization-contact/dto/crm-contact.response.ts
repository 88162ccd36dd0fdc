import { ApiProperty } from '@nestjs/swagger';
import { CustomerSummaryResponse } from '../../customers';
import { TagSummaryResponse } from '../../tags';
import { CONTACT_KINDS, type ContactKind } from '../../contact-kind';
import type { PortalContactRow } from '../contact-relations';

/** A contact as the portal API shows it (`email`, `phone`, `kind`), with its customer and tags. */
export class CrmContactResponse {
  id: string;
  organizationId: string;
  /** Display name: `firstName lastName`. */
  name: string;
  @ApiProperty({ nullable: true, type: String })
  firstName: string | null;
  @ApiProperty({ nullable: true, type: String })
  lastName: string | null;
  @ApiProperty({ nullable: true, type: String })
  email: string | null;
  @ApiProperty({ nullable: true, type: String })
  phone: string | null;
  @ApiProperty({ nullable: true, type: String })
  jobTitle: string | null;
  @ApiProperty({ enum: CONTACT_KINDS })
  kind: ContactKind;
  @ApiProperty({ nullable: true, type: String, example: 'Active' })
  status: string | null;
  @ApiProperty({ nullable: true, type: String })
  customerId: string | null;
  @ApiProperty({ nullable: true, type: CustomerSummaryResponse })
  customer: CustomerSummaryResponse | null;
  @ApiProperty({ nullable: true, type: String })
  ownerId: string | null;
  marketingOptOut: boolean;
  isActive: boolean;
  tags: TagSummaryResponse[];
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
  version: number;

  static from(contact: PortalContactRow): CrmContactResponse {
    return {
      id: contact.id,
      organizationId: contact.organizationId,
      name: contact.name,
      firstName: contact.firstName,
      lastName: contact.lastName,
      email: contact.primaryEmail,
      phone: contact.primaryPhone,
      jobTitle: contact.jobTitle,
      kind: contact.contactType,
      status: contact.status,
      customerId: contact.customerId,
      customer: contact.customer == null ? null : CustomerSummaryResponse.from(contact.customer),
      ownerId: contact.ownerId,
      marketingOptOut: contact.marketingOptOut,
      isActive: contact.isActive,
      tags: TagSummaryResponse.list(contact.tags),
      createdAt: contact.createdAt.toISOString(),
      updatedAt: contact.updatedAt.toISOString(),
      version: contact.version,
    };
  }
}
