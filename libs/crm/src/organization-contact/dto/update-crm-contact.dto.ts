import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { OptionalNonNull } from '@clientele/core';
import { FlagField } from '../../record-fields.decorator';
import { CONTACT_KINDS, type ContactKind } from '../../contact-kind';
import { CreateCrmContactDto } from './create-crm-contact.dto';
import { trim } from './trim.transform';

/**
 * Fields left out keep their value; `null` clears an optional one; `tags`/`tagIds` replace the
 * set. The fields redeclared here cannot be cleared (PartialType alone would let `null` through).
 */
export class UpdateCrmContactDto extends PartialType(
  OmitType(CreateCrmContactDto, ['firstName', 'kind', 'customerName', 'marketingOptOut', 'isActive', 'organizationId']),
) {
  @OptionalNonNull()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  firstName?: string;

  @ApiPropertyOptional({ enum: CONTACT_KINDS })
  @OptionalNonNull()
  @IsIn(CONTACT_KINDS)
  kind?: ContactKind;

  /** The organization's customer of this name; only roles that may create customers get a new one. */
  @OptionalNonNull()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  customerName?: string;

  @FlagField()
  marketingOptOut?: boolean;

  @FlagField()
  isActive?: boolean;
}
