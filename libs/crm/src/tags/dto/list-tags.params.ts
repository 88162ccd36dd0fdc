import { PageParams } from '@clientele/core';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class ListTagsParams extends PageParams {
  /** Name contains (case-insensitive). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  /** Only this organization's tags (default: every organization you may view). */
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
