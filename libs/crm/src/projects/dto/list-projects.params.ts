import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageParams } from '@clientele/core';
import { PROJECT_STATUSES, type ProjectStatus } from '../project-status';

/** The project list's filters, also those of a contact's projects. */
export class ProjectFilterParams extends PageParams {
  /** Name contains (case-insensitive). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: PROJECT_STATUSES })
  @IsOptional()
  @IsIn(PROJECT_STATUSES)
  status?: ProjectStatus;

  @IsOptional()
  @IsUUID()
  customerId?: string;
}

export class ListProjectsParams extends ProjectFilterParams {
  /** Projects this contact is on. */
  @IsOptional()
  @IsUUID()
  contactId?: string;

  /** Only this organization's projects (default: every organization you may view). */
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
