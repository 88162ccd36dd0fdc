import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { OptionalNonNull } from '@clientele/core';
import { IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

export const TAG_COLOR = /^#[0-9A-Fa-f]{6}$/;
const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class CreateTagDto {
  /** Unique in the organization, case-insensitively. */
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name: string;

  @ApiPropertyOptional({ example: '#1F6FEB', default: '#6B7280' })
  @OptionalNonNull()
  @Matches(TAG_COLOR, { message: 'color must be a hex color #RRGGBB, e.g. #1F6FEB' })
  color?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  /** The organization the tag belongs to; defaults to your only one (or `X-Organization-Id`). */
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
