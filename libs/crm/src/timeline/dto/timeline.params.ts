import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayNotEmpty, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, splitQueryList } from '@clientele/core';
import { TimelineSources } from '../timeline-sources';

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

  // Keys of `TimelineSources`, documented with them by `describeTimelineApi` once all are registered.
  @IsOptional()
  @Transform(splitQueryList)
  @ArrayNotEmpty()
  @IsString({ each: true })
  @ValidateBy(
    {
      name: 'isTimelineKind',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && TimelineSources.has(value),
        defaultMessage: () => `kinds must be among ${TimelineSources.keys().join(', ')}`,
      },
    },
    { each: true },
  )
  kinds?: string[];
}
