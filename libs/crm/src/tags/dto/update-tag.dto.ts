import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { OptionalNonNull } from '@clientele/core';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { TAG_COLOR } from './create-tag.dto';

/** Fields left out keep their value; `description: null` clears it. */
export class UpdateTagDto {
  @OptionalNonNull()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name?: string;

  @ApiPropertyOptional({ example: '#1F6FEB' })
  @OptionalNonNull()
  @Matches(TAG_COLOR, { message: 'color must be a hex color #RRGGBB, e.g. #1F6FEB' })
  color?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;
}
