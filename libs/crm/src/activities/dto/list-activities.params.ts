import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { PageParams } from '@clientele/core';
import { ACTIVITY_STATES, type ActivityState } from '../activity-state';
import { ACTIVITY_TYPES, type ActivityType } from '../activity-type';

export class ListActivitiesParams extends PageParams {
  @ApiPropertyOptional({ enum: ACTIVITY_TYPES })
  @IsOptional()
  @IsIn(ACTIVITY_TYPES)
  type?: ActivityType;

  @IsOptional()
  @IsUUID()
  ownerId?: string;

  /** `open` (not completed, not past due), `overdue` (not completed, past `dueAt`), `completed`. */
  @ApiPropertyOptional({ enum: ACTIVITY_STATES })
  @IsOptional()
  @IsIn(ACTIVITY_STATES)
  state?: ActivityState;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Due at or after.' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  dueFrom?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Due before.' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  dueTo?: string;

  /** Activities with this contact among theirs. */
  @IsOptional()
  @IsUUID()
  contactId?: string;

  @IsOptional()
  @IsUUID()
  dealId?: string;

  @IsOptional()
  @IsUUID()
  customerId?: string;

  /** Only this organization's activities (default: every organization you may view). */
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
