import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { OptionalNonNull } from '@clientele/core';
import { OrganizationIdField } from '../../record-fields.decorator';

const trimmed = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** How many CC addresses one inbound e-mail may carry. */
export const MAX_INBOUND_CC = 50;

/** An e-mail to the service desk, as the mail gateway hands it over. */
export class InboundEmailDto {
  @ApiProperty({ format: 'email', maxLength: 254, example: 'ada@example.com' })
  @Transform(trimmed)
  @IsEmail()
  @MaxLength(254)
  from: string;

  @ApiPropertyOptional({ type: [String], format: 'email', maxItems: MAX_INBOUND_CC, default: [] })
  @OptionalNonNull()
  @IsArray()
  @ArrayMaxSize(MAX_INBOUND_CC)
  @IsEmail(undefined, { each: true })
  @MaxLength(254, { each: true })
  cc?: string[];

  /** The ticket's title (its first 200 characters; "(no subject)" when empty). */
  @ApiPropertyOptional({ maxLength: 998, default: '' })
  @OptionalNonNull()
  @IsString()
  @MaxLength(998)
  subject?: string;

  /** The ticket's description. */
  @ApiPropertyOptional({ maxLength: 10_000, default: '' })
  @OptionalNonNull()
  @IsString()
  @MaxLength(10_000)
  body?: string;

  /**
   * The e-mail's `Message-ID`: the same message delivered again (or twice at once) opens no second
   * ticket; the answer is the first one's, with `duplicate: true`.
   */
  @ApiPropertyOptional({ maxLength: 998, example: '<CAF=abc123@mail.example.com>' })
  @OptionalNonNull()
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(998)
  messageId?: string;

  /** The organization whose desk the e-mail reached; defaults to your only one (or `X-Organization-Id`). */
  @OrganizationIdField()
  organizationId?: string;
}
