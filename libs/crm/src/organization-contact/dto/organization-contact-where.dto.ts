import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { BUDGET_TYPES, type BudgetType, CONTACT_KINDS, type ContactKind } from '../../contact-kind';
import { queryBoolean } from './query-boolean.transform';
import { queryList } from './query-list.transform';

/** Gauzy's `where[…]`: `name`, `primaryEmail`, `primaryPhone` match contains (case-insensitive), the rest exactly. */
export class OrganizationContactWhereDto {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(254)
  primaryEmail?: string;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  primaryPhone?: string;

  @ApiPropertyOptional({ enum: CONTACT_KINDS })
  @IsOptional()
  @IsIn(CONTACT_KINDS)
  contactType?: ContactKind;

  @ApiPropertyOptional({ enum: BUDGET_TYPES })
  @IsOptional()
  @IsIn(BUDGET_TYPES)
  budgetType?: BudgetType;

  /** Checked against your memberships (404 when you are not a member). */
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  /** Gauzy clients send it; only your own tenant's contacts are ever listed. */
  @IsOptional()
  @IsUUID()
  tenantId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  status?: string;

  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @IsOptional()
  @IsUUID()
  customerId?: string;

  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  isActive?: boolean;

  /** Contacts with any of these tags. */
  @IsOptional()
  @Transform(queryList)
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID(undefined, { each: true })
  tags?: string[];

  /** Contacts assigned to any of these users. */
  @IsOptional()
  @Transform(queryList)
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID(undefined, { each: true })
  members?: string[];
}
