import { OmitType, PartialType } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { Transform } from 'class-transformer';
import { OptionalNonNull } from '@clientele/core';
import { ACTIVITY_TYPES, type ActivityType } from '../activity-type';
import { CreateActivityDto } from './create-activity.dto';

/**
 * Fields left out keep their value; `null` clears an optional one; `contactIds` replaces the set.
 * Completion changes through `POST …/complete` and `…/reopen`.
 */
export class UpdateActivityDto extends PartialType(OmitType(CreateActivityDto, ['type', 'subject', 'organizationId']), {
  skipNullProperties: false,
}) {
  @OptionalNonNull()
  @IsIn(ACTIVITY_TYPES)
  type?: ActivityType;

  @OptionalNonNull()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  subject?: string;
}
