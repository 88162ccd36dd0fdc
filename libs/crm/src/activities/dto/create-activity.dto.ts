import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { OptionalNonNull } from '@clientele/core';
import { OrganizationIdField, OwnerIdField } from '../../record-fields.decorator';
import { ACTIVITY_TYPES, type ActivityType } from '../activity-type';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class CreateActivityDto {
  @ApiProperty({ enum: ACTIVITY_TYPES })
  @IsIn(ACTIVITY_TYPES)
  type: ActivityType;

  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  subject: string;

  /** Free text (Markdown), up to 64 KB. */
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 65_536 })
  @IsOptional()
  @IsString()
  @MaxLength(65_536)
  body?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time', example: '2026-12-01T09:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'dueAt must be an ISO 8601 date-time' })
  dueAt?: string | null;

  /** Contacts of the organization the activity is with (at most 50). */
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 50 })
  @OptionalNonNull()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  contactIds?: string[];

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID()
  dealId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string | null;

  /** A member of the organization; defaults to you. An AGENT creates only activities it owns. */
  @OwnerIdField()
  ownerId?: string | null;

  /** The organization the activity belongs to; defaults to your only one (or `X-Organization-Id`). */
  @OrganizationIdField()
  organizationId?: string;
}
