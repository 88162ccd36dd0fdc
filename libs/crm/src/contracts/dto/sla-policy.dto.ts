import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { OptionalNonNull } from '@clientele/core';
import { TIME_ZONES } from '../../billing';
import { SLA_CLOCKS, type SlaClock, WEEKDAYS, type Weekday } from '../sla-policy';

/** A year of minutes: the longest target. */
export const MAX_TARGET_MINUTES = 525_600;

/** The weekly schedule business hours count in (default Mon–Fri 09:00–17:00 UTC). */
export class BusinessHoursDto {
  @ApiPropertyOptional({
    example: 'Europe/London',
    default: 'UTC',
    enum: TIME_ZONES,
    description: 'An IANA time zone.',
  })
  @OptionalNonNull()
  @IsIn(TIME_ZONES, { message: 'timeZone must be an IANA time zone such as Europe/London' })
  timeZone?: string;

  @ApiPropertyOptional({ enum: WEEKDAYS, isArray: true, default: ['MON', 'TUE', 'WED', 'THU', 'FRI'] })
  @OptionalNonNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsIn(WEEKDAYS, { each: true })
  days?: Weekday[];

  @ApiPropertyOptional({ example: '09:00', default: '09:00', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' })
  @OptionalNonNull()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'open must be a time HH:MM' })
  open?: string;

  @ApiPropertyOptional({ example: '17:00', default: '17:00', pattern: '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$' })
  @OptionalNonNull()
  @Matches(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'close must be a time HH:MM (up to 24:00)' })
  close?: string;
}

export class SlaTargetDto {
  @ApiProperty({ minimum: 1, maximum: MAX_TARGET_MINUTES, example: 60 })
  @IsInt()
  @Min(1)
  @Max(MAX_TARGET_MINUTES)
  firstResponseMinutes: number;

  @ApiProperty({ minimum: 1, maximum: MAX_TARGET_MINUTES, example: 480 })
  @IsInt()
  @Min(1)
  @Max(MAX_TARGET_MINUTES)
  resolutionMinutes: number;
}

/** A target per ticket priority; a priority left out has no due times. */
export class SlaTargetsDto {
  @OptionalNonNull()
  @IsObject()
  @ValidateNested()
  @Type(() => SlaTargetDto)
  LOW?: SlaTargetDto;

  @OptionalNonNull()
  @IsObject()
  @ValidateNested()
  @Type(() => SlaTargetDto)
  NORMAL?: SlaTargetDto;

  @OptionalNonNull()
  @IsObject()
  @ValidateNested()
  @Type(() => SlaTargetDto)
  HIGH?: SlaTargetDto;

  @OptionalNonNull()
  @IsObject()
  @ValidateNested()
  @Type(() => SlaTargetDto)
  URGENT?: SlaTargetDto;
}

/**
 * An SLA policy: targets in minutes per priority, counted on the calendar or in the schedule's
 * business hours (`clock`). Resolution may not come before first response.
 */
export class SlaPolicyDto {
  @ApiProperty({ enum: SLA_CLOCKS, example: 'BUSINESS_HOURS' })
  @IsIn(SLA_CLOCKS)
  clock: SlaClock;

  @ApiPropertyOptional({ type: BusinessHoursDto })
  @OptionalNonNull()
  @IsObject()
  @ValidateNested()
  @Type(() => BusinessHoursDto)
  businessHours?: BusinessHoursDto;

  @ApiProperty({ type: SlaTargetsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SlaTargetsDto)
  targets: SlaTargetsDto;
}
