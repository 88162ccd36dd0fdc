import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayNotEmpty, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, splitQueryList } from '@clientele/core';

/** `GET …/:id/timeline`: a page size, the previous page's cursor, and the kinds of items to show. */
export class TimelineParams {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque: the `nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  cursor?: string;

  @ApiPropertyOptional({
    description:
      'Kinds to show, repeated or comma-separated (`kinds=note,stage_change`); all by default. ' +
      'The kinds a subject has are those of the registered timeline sources (activity, note, stage_change, field_change, …).',
    isArray: true,
    type: String,
  })
  @IsOptional()
  @Transform(splitQueryList)
  @ArrayNotEmpty()
  @IsString({ each: true })
  @Matches(/^[A-Za-z][A-Za-z0-9_]*$/, { each: true, message: 'kinds must be timeline kinds, e.g. note,stage_change' })
  kinds?: string[];
}
