import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { EVENT_TYPE_PATTERN } from '../event-type-pattern';

export const MAX_EVENTS_PAGE = 1_000;
/** One type pattern, without anchors. */
const TYPE = EVENT_TYPE_PATTERN.source.slice(1, -1);
export const MAX_WAIT_SECONDS = 25;

export class ListEventsParams {
  /**
   * The last `sequence` you read (the previous page's `nextAfter`); left out, the feed starts at
   * the oldest event still kept.
   */
  @ApiPropertyOptional({ pattern: '^[0-9]{1,18}$', example: '1042' })
  @IsOptional()
  @Matches(/^[0-9]{1,18}$/, { message: 'after must be a sequence: digits only' })
  after?: string;

  /** Comma-separated type patterns: `contact.*,deal.stage_changed`; every visible type when left out. */
  @ApiPropertyOptional({
    type: String,
    example: 'contact.*,deal.stage_changed',
    pattern: `^${TYPE}(,${TYPE}){0,49}$`,
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((part) => part.trim()) : value,
  )
  @IsArray({ message: 'types must be a comma-separated list of event types' })
  @ArrayMaxSize(50)
  @Matches(EVENT_TYPE_PATTERN, { each: true, message: 'types must look like contact.updated, contact.* or *' })
  types?: string[];

  /** Only this organization's events (or send `X-Organization-Id`); all yours when left out. */
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_EVENTS_PAGE, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_EVENTS_PAGE)
  limit?: number;

  /** Seconds to wait for a first event when none is there yet (a long poll); 0 answers at once. */
  @ApiPropertyOptional({ minimum: 0, maximum: MAX_WAIT_SECONDS, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_WAIT_SECONDS)
  wait?: number;
}
