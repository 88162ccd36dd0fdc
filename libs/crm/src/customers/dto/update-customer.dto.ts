import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { OptionalNonNull } from '@clientele/core';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { CONTACT_KINDS, type ContactKind } from '../../contact-kind';
import { CreateCustomerDto } from './create-customer.dto';

/** Fields left out keep their value; `null` clears an optional one (not `tags`/`tagIds`: `[]`); `tags`/`tagIds` replace the set. */
export class UpdateCustomerDto extends PartialType(OmitType(CreateCustomerDto, ['name', 'kind', 'organizationId']), {
  skipNullProperties: false,
}) {
  @OptionalNonNull()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: CONTACT_KINDS })
  @OptionalNonNull()
  @IsIn(CONTACT_KINDS)
  kind?: ContactKind;
}
