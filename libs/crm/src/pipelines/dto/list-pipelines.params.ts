import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageParams } from '@clientele/core';

export class ListPipelinesParams extends PageParams {
  /** Name contains (case-insensitive). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  /** Only this organization's pipelines (default: every organization you may view). */
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
