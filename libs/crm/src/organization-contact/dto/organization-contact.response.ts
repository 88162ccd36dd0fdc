import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CustomerSummaryResponse } from '../../customers';
import { TagSummaryResponse } from '../../tags';
import { BUDGET_TYPES, type BudgetType, CONTACT_KINDS, type ContactKind } from '../../contact-kind';
import { gauzyBudget } from '../budget';
import type { ContactRow } from '../contact-relations';
import type { GauzyExtras } from '../gauzy-relations';
import { ContactMemberResponse } from './contact-member.response';

/** Gauzy's `contact` relation: its address record has no counterpart; the person fields are here. */
export class ContactPersonResponse {
  @ApiProperty({ nullable: true, type: String })
  firstName: string | null;
  @ApiProperty({ nullable: true, type: String })
  lastName: string | null;
}

const NO_EXTRAS: GauzyExtras = { memberUsers: false, contact: false, projects: false };

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
    oneOf: [{ type: 'number' }, { type: 'string', pattern: '^\\d{1,15}(\\.\\d{1,4})?$' }],
    example: 50000,
    description:
      'A JSON number, as Gauzy returns it, whenever that number is exactly the stored decimal (any value of up to ' +
      '15 significant digits, e.g. `50000`, `1234.5`); a longer one, which a binary float would round, comes as ' +
      'its decimal string (`"123456789012345.6789"`). Never computed with floats.',
  })
  budget: number | string | null;
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
  @ApiPropertyOptional({ type: ContactPersonResponse, description: 'With `relations[]=contact` (Gauzy).' })
  contact?: ContactPersonResponse;
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object' },
    maxItems: 0,
    description: 'With `relations[]=projects` (Gauzy): always empty, there are no projects yet.',
  })
  projects?: never[];
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
  version: number;

  /** Relations appear only when they were loaded (asked for), Gauzy's extras when asked for. */
  static from(contact: ContactRow, extras: GauzyExtras = NO_EXTRAS): OrganizationContactResponse {
    return {
      id: contact.id,
      tenantId: contact.tenantId,
      organizationId: contact.organizationId,
      name: contact.name,
      contactType: contact.contactType,
      primaryEmail: contact.primaryEmail,
      primaryPhone: contact.primaryPhone,
      imageUrl: contact.imageUrl,
      budget: gauzyBudget(contact.budget),
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
        : { members: contact.members.map((member) => ContactMemberResponse.from(member, extras.memberUsers)) }),
      ...(contact.tags === undefined ? {} : { tags: TagSummaryResponse.list(contact.tags) }),
      ...(contact.customer === undefined
        ? {}
        : { customer: contact.customer === null ? null : CustomerSummaryResponse.from(contact.customer) }),
      ...(extras.contact ? { contact: { firstName: contact.firstName, lastName: contact.lastName } } : {}),
      ...(extras.projects ? { projects: [] } : {}),
      createdAt: contact.createdAt.toISOString(),
      updatedAt: contact.updatedAt.toISOString(),
      version: contact.version,
    };
  }
}
