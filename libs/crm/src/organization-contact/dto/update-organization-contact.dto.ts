import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { OptionalNonNull } from '@clientele/core';
import { FlagField, OrganizationIdField } from '../../record-fields.decorator';
import { CONTACT_KINDS, type ContactKind } from '../../contact-kind';
import { CreateOrganizationContactDto } from './create-organization-contact.dto';
import { trim } from './trim.transform';

/**
 * Gauzy's PUT body. Like Gauzy, it updates the fields sent and keeps the rest; `null` clears
 * an optional one; `members`/`tags` replace the set. The fields redeclared here cannot be
 * cleared (PartialType alone would let `null` through).
 */
export class UpdateOrganizationContactDto extends PartialType(
  OmitType(CreateOrganizationContactDto, ['name', 'contactType', 'organizationId', 'marketingOptOut', 'isActive']),
  // A field the create body may not send as null (`tenant`, `organization`) may not be null here either.
  { skipNullProperties: false },
) {
  /** Gauzy clients send the record back whole: the contact's own id, if sent (else 400). */
  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @OptionalNonNull()
  @IsUUID()
  id?: string;

  @OptionalNonNull()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: CONTACT_KINDS })
  @OptionalNonNull()
  @IsIn(CONTACT_KINDS)
  contactType?: ContactKind;

  /** Gauzy clients send it back (or `organization: { id }`); it must be the contact's own organization (else 404). */
  @OrganizationIdField()
  organizationId?: string;

  @FlagField()
  marketingOptOut?: boolean;

  @FlagField()
  isActive?: boolean;
}
