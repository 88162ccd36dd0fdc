import { IsOptional, IsUUID } from 'class-validator';
import { PageParams } from '@clientele/core';

export class ListNotesParams extends PageParams {
  @IsOptional()
  @IsUUID()
  contactId?: string;

  @IsOptional()
  @IsUUID()
  customerId?: string;

  @IsOptional()
  @IsUUID()
  dealId?: string;

  @IsOptional()
  @IsUUID()
  authorId?: string;

  /** Only this organization's notes (default: every organization you may view). */
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
