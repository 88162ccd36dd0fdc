import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsFQDN, IsIn, IsOptional, IsString, IsUrl, IsUUID, MaxLength, MinLength } from 'class-validator';
import { OptionalNonNull } from '@clientele/core';
import { TagIdsField, TagRefDto, TagRefsField } from '../../tags';
import { OwnerIdField } from '../../record-fields.decorator';
import { CONTACT_KINDS, type ContactKind } from '../../contact-kind';

export class CreateCustomerDto {
  /** Company name, unique in the organization (case-insensitive). */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ enum: CONTACT_KINDS, default: 'CUSTOMER' })
  @OptionalNonNull()
  @IsIn(CONTACT_KINDS)
  kind?: ContactKind;

  @ApiPropertyOptional({ example: 'acme.com' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsFQDN({}, { message: 'primaryDomain must be a domain name, e.g. acme.com' })
  @MaxLength(253)
  primaryDomain?: string | null;

  @ApiPropertyOptional({ example: 'https://acme.com/logo.png' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2048)
  logoUrl?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  notes?: string | null;

  /** A member of the organization; defaults to you. */
  @OwnerIdField()
  ownerId?: string | null;

  /** Tags of the organization, Gauzy-style: `[{ "id": "…" }]`. Or send `tagIds`. */
  @TagRefsField({ nullable: false })
  tags?: TagRefDto[];

  @TagIdsField({ nullable: false })
  tagIds?: string[];

  /** The organization the customer belongs to; defaults to your only one (or `X-Organization-Id`). */
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

/** Request examples Swagger UI offers; each is accepted as sent by the demo tenant (`npm start`). */
export const CREATE_CUSTOMER_EXAMPLES = {
  company: {
    summary: 'A new company',
    value: {
      name: 'Umbrella Corporation',
      kind: 'CUSTOMER',
      primaryDomain: 'umbrella.example',
      notes: 'Met at the trade fair.',
    },
  },
  minimal: { summary: 'Only the required field', value: { name: 'Hooli' } },
};
