import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { OptionalNonNull } from '@clientele/core';
import { TagIdsField, TagRefDto, TagRefsField } from '../../tags';
import { FlagField, OrganizationIdField, OwnerIdField } from '../../record-fields.decorator';
import { CONTACT_KINDS, type ContactKind } from '../../contact-kind';
import { trim } from './trim.transform';

/** The portal's contact body (`000_…txt`): a person, named by first and last name. */
export class CreateCrmContactDto {
  @ApiPropertyOptional({ example: 'Jane' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  firstName: string;

  @ApiPropertyOptional({ example: 'Doe' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  lastName?: string | null;

  /** Unique among the organization's contacts (case-insensitive); stored in lower case. */
  @ApiPropertyOptional({ example: 'jane.doe@acmecorp.com' })
  @IsOptional()
  @Transform(trim)
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ example: '+44 20 7946 0000' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(50)
  phone?: string | null;

  @ApiPropertyOptional({ example: 'IT Manager' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  jobTitle?: string | null;

  @ApiPropertyOptional({ enum: CONTACT_KINDS, default: 'CUSTOMER' })
  @OptionalNonNull()
  @IsIn(CONTACT_KINDS)
  kind?: ContactKind;

  /** One of the organization's contact statuses (case-insensitive), e.g. Active. */
  @ApiPropertyOptional({ example: 'Active' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  status?: string | null;

  /** The contact's company. Or send `customerName`. */
  @IsOptional()
  @IsUUID()
  customerId?: string | null;

  /** The organization's customer of this name (case-insensitive), created when there is none. */
  @ApiPropertyOptional({ example: 'Acme Corp' })
  @OptionalNonNull()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  customerName?: string;

  @ApiPropertyOptional({ default: false })
  @FlagField()
  marketingOptOut?: boolean;

  @ApiPropertyOptional({ default: true })
  @FlagField()
  isActive?: boolean;

  /** A member of the organization; defaults to you. */
  @OwnerIdField()
  ownerId?: string | null;

  /** Tags of the organization: `[{ "id": "…" }]`. Or send `tagIds`. */
  @TagRefsField()
  tags?: TagRefDto[] | null;

  @TagIdsField()
  tagIds?: string[] | null;

  /** The organization the contact belongs to; defaults to your only one (or `X-Organization-Id`). */
  @OrganizationIdField()
  organizationId?: string;
}

/** Request examples Swagger UI offers; each is accepted as sent by the demo tenant (`npm start`). */
export const CREATE_CRM_CONTACT_EXAMPLES = {
  atCustomer: {
    summary: 'A person at an existing customer (found by name)',
    value: {
      firstName: 'Morgan',
      lastName: 'Ellery',
      email: 'morgan.ellery@acmecorp.com',
      phone: '+44 20 7946 0101',
      jobTitle: 'Head of Procurement',
      kind: 'CUSTOMER',
      status: 'Prospect',
      customerName: 'Acme Corp',
    },
  },
  minimal: { summary: 'Only the required field', value: { firstName: 'Sam' } },
};
