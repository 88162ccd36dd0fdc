import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CustomerSummaryResponse } from '../../customers';
import { TagSummaryResponse } from '../../tags';
import { BUDGET_TYPES, type BudgetType, CONTACT_KINDS, type ContactKind } from '../../contact-kind';
import { formatBudget } from '../budget';
import type { ContactRow } from '../contact-relations';
import { ContactMemberResponse } from './contact-member.response';

/** Gauzy's `IOrganizationContact`, field names as there, plus the common contact fields. */
export class OrganizationContactResponse {
  id: string;
  tenantId: string;
  organizationId: string;
  name: string;
  @ApiProperty({ enum: CONTACT_KINDS })
  contactType: ContactKind;
  @ApiProperty({ nullable: true, type: String })
  primaryEmail: string | null;
  @ApiProperty({ nullable: true, type: String })
  primaryPhone: string | null;
  @ApiProperty({ nullable: true, type: String })
  imageUrl: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '50000.00',
    description: 'Decimal as a string with at least two decimals (never a float).',
  })
  budget: string | null;
  @ApiProperty({ enum: BUDGET_TYPES, nullable: true })
  budgetType: BudgetType | null;
  @ApiProperty({ nullable: true, type: String })
  notes: string | null;
  @ApiProperty({ nullable: true, type: String })
  firstName: string | null;
  @ApiProperty({ nullable: true, type: String })
  lastName: string | null;
  @ApiProperty({ nullable: true, type: String })
  jobTitle: string | null;
  @ApiProperty({ nullable: true, type: String })
  status: string | null;
  @ApiProperty({ nullable: true, type: String })
  customerId: string | null;
  @ApiProperty({ nullable: true, type: String })
  ownerId: string | null;
  marketingOptOut: boolean;
  isActive: boolean;
  @ApiPropertyOptional({ type: [ContactMemberResponse], description: 'With `relations[]=members`.' })
  members?: ContactMemberResponse[];
  @ApiPropertyOptional({ type: [TagSummaryResponse], description: 'With `relations[]=tags`.' })
  tags?: TagSummaryResponse[];
  @ApiPropertyOptional({ type: CustomerSummaryResponse, nullable: true, description: 'With `relations[]=customer`.' })
  customer?: CustomerSummaryResponse | null;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
  version: number;

  /** Relations appear only when they were loaded (asked for). */
  static from(contact: ContactRow): OrganizationContactResponse {
    return {
      id: contact.id,
      tenantId: contact.tenantId,
      organizationId: contact.organizationId,
      name: contact.name,
      contactType: contact.contactType,
      primaryEmail: contact.primaryEmail,
      primaryPhone: contact.primaryPhone,
      imageUrl: contact.imageUrl,
      budget: formatBudget(contact.budget),
      budgetType: contact.budgetType,
      notes: contact.notes,
      firstName: contact.firstName,
      lastName: contact.lastName,
      jobTitle: contact.jobTitle,
      status: contact.status,
      customerId: contact.customerId,
      ownerId: contact.ownerId,
      marketingOptOut: contact.marketingOptOut,
      isActive: contact.isActive,
      ...(contact.members === undefined
        ? {}
        : { members: contact.members.map((member) => ContactMemberResponse.from(member)) }),
      ...(contact.tags === undefined ? {} : { tags: TagSummaryResponse.list(contact.tags) }),
      ...(contact.customer === undefined
        ? {}
        : { customer: contact.customer === null ? null : CustomerSummaryResponse.from(contact.customer) }),
      createdAt: contact.createdAt.toISOString(),
      updatedAt: contact.updatedAt.toISOString(),
      version: contact.version,
    };
  }
}
