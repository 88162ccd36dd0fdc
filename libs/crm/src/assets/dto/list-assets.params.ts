import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageParams } from '@clientele/core';
import { ASSET_KINDS, type AssetKind } from '../asset-kind';

export class ListAssetsParams extends PageParams {
  /** Name or serial number contains (case-insensitive). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: ASSET_KINDS })
  @IsOptional()
  @IsIn(ASSET_KINDS)
  kind?: AssetKind;

  @IsOptional()
  @IsUUID()
  customerId?: string;

  /** Assets in this contact's hands. */
  @IsOptional()
  @IsUUID()
  contactId?: string;

  /** Only this organization's assets (default: every organization you may view). */
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
