import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { OptionalNonNull } from '@clientele/core';
import { OrganizationIdField } from '../../record-fields.decorator';
import { NOTE_MAX_BYTES } from '../entities/note.entity';

/** A note on exactly one subject: send one of `contactId`, `customerId`, `dealId`. */
export class CreateNoteDto {
  /** Markdown, up to 64 KB of UTF-8. */
  @ApiProperty({ minLength: 1, maxLength: NOTE_MAX_BYTES, example: 'Budget **approved**; call back in May.' })
  @IsString()
  @MinLength(1)
  @MaxLength(NOTE_MAX_BYTES)
  body: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    description: 'The contact the note is on (or customerId, or dealId).',
  })
  @OptionalNonNull()
  @IsUUID()
  contactId?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    description: 'The customer the note is on (or contactId, or dealId).',
  })
  @OptionalNonNull()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    description: 'The deal the note is on (or contactId, or customerId).',
  })
  @OptionalNonNull()
  @IsUUID()
  dealId?: string;

  /** The organization the note belongs to; defaults to your only one (or `X-Organization-Id`). */
  @OrganizationIdField()
  organizationId?: string;
}
