import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsDecimalString, OptionalNonNull } from '@clientele/core';
import { TagRefDto, TagRefsField } from '../../tags';
import {
  FlagField,
  type IdRefDto,
  IdRefField,
  OrganizationIdField,
  OwnerIdField,
  TenantIdField,
} from '../../record-fields.decorator';
import { BUDGET_TYPES, type BudgetType, CONTACT_KINDS, type ContactKind } from '../../contact-kind';
import { BUDGET_LIMITS, BUDGET_MESSAGE, budgetInput } from '../budget';
import { MemberRefDto } from './member-ref.dto';
import { trim } from './trim.transform';

/** Gauzy's organization-contact body, field names as in Gauzy, plus the common contact fields. */
export class CreateOrganizationContactDto {
  @ApiPropertyOptional({ example: 'Acme Corporation' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ enum: CONTACT_KINDS, default: 'CUSTOMER' })
  @OptionalNonNull()
  @IsIn(CONTACT_KINDS)
  contactType?: ContactKind;

  /** Unique among the organization's contacts (case-insensitive); stored in lower case. */
  @ApiPropertyOptional({ example: 'info@acme.com' })
  @IsOptional()
  @Transform(trim)
  @IsEmail()
  @MaxLength(254)
  primaryEmail?: string | null;

  @ApiPropertyOptional({ example: '+1-555-0123' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(50)
  primaryPhone?: string | null;

  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2048)
  imageUrl?: string | null;

  /**
   * A non-negative decimal, as a JSON number or a numeric string (up to 4 decimals, 15 before
   * the point). Returned as a JSON number when that is exact (see the response), else a string.
   */
  @ApiPropertyOptional({ oneOf: [{ type: 'number' }, { type: 'string' }], example: 50000 })
  @IsOptional()
  @Transform(budgetInput)
  @IsDecimalString(BUDGET_LIMITS, { message: BUDGET_MESSAGE })
  budget?: string | null;

  @ApiPropertyOptional({ enum: BUDGET_TYPES })
  @IsOptional()
  @IsIn(BUDGET_TYPES)
  budgetType?: BudgetType | null;

  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  notes?: string | null;

  /** The organization the contact belongs to, checked against your memberships. */
  @OrganizationIdField()
  organizationId?: string;

  /** Gauzy's spelling of `organizationId` (both may be sent when they agree). */
  @IdRefField('Gauzy’s `organization: { id }`: an organization you may write to, as `organizationId`.')
  organization?: IdRefDto;

  @TenantIdField()
  tenantId?: string;

  @IdRefField('Gauzy’s `tenant: { id }`: your own tenant, if sent (else 404).')
  tenant?: IdRefDto;

  /** Users assigned to the contact; each must be a member of the organization. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MemberRefDto)
  members?: MemberRefDto[] | null;

  /** Tags of the organization. */
  @TagRefsField()
  tags?: TagRefDto[] | null;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  firstName?: string | null;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  lastName?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  jobTitle?: string | null;

  /** One of the organization's contact statuses (case-insensitive). */
  @IsOptional()
  @IsString()
  @MaxLength(50)
  status?: string | null;

  /** The contact's company (a customer of the organization). */
  @IsOptional()
  @IsUUID()
  customerId?: string | null;

  /** A member of the organization; defaults to you. */
  @OwnerIdField()
  ownerId?: string | null;

  @FlagField()
  marketingOptOut?: boolean;

  @FlagField()
  isActive?: boolean;
}

/** Request examples Swagger UI offers; each is accepted as sent by the demo tenant (`npm start`). */
export const CREATE_ORGANIZATION_CONTACT_EXAMPLES = {
  client: {
    summary: 'A client with a budget, as Gauzy sends it',
    value: {
      name: 'Umbrella Labs',
      contactType: 'CLIENT',
      primaryEmail: 'hello@umbrella.example',
      primaryPhone: '+1-555-0199',
      budget: 50000,
      budgetType: 'COST',
    },
  },
  minimal: { summary: 'Only the required field', value: { name: 'Hooli' } },
};
