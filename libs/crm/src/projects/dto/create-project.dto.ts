import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { OptionalNonNull } from '@clientele/core';
import { OrganizationIdField } from '../../record-fields.decorator';
import { MAX_PROJECT_CONTACTS } from '../project-contacts';
import { PROJECT_STATUSES, type ProjectStatus } from '../project-status';

const trimmed = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class CreateProjectDto {
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 10_000 })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string | null;

  @ApiPropertyOptional({ enum: PROJECT_STATUSES, default: 'PLANNED' })
  @OptionalNonNull()
  @IsIn(PROJECT_STATUSES)
  status?: ProjectStatus;

  /** The customer it is for: a live customer of the project's organization; `null` for none. */
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string | null;

  /** Live contacts of the organization working on it; on PATCH the set becomes exactly these (`[]` clears). */
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MAX_PROJECT_CONTACTS })
  @OptionalNonNull()
  @IsArray()
  @ArrayMaxSize(MAX_PROJECT_CONTACTS)
  @IsUUID(undefined, { each: true })
  contactIds?: string[];

  @OrganizationIdField()
  organizationId?: string;
}
