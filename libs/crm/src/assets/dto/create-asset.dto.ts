import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { OptionalNonNull } from '@clientele/core';
import { OrganizationIdField } from '../../record-fields.decorator';
import { ASSET_KINDS, type AssetKind } from '../asset-kind';

const trimmed = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class CreateAssetDto {
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ enum: ASSET_KINDS, default: 'OTHER' })
  @OptionalNonNull()
  @IsIn(ASSET_KINDS)
  kind?: AssetKind;

  /** The customer owning it: a live customer of the asset's organization. */
  @ApiProperty({ type: String, format: 'uuid' })
  @IsUUID()
  customerId: string;

  /** The contact using it (a live contact of the organization); `null` clears it. */
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID()
  contactId?: string | null;

  /** Unique per customer among live assets, case-insensitively (409 `ASSET_SERIAL_TAKEN`). */
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 200 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  serialNumber?: string | null;

  /** The device's id in the remote monitoring and management tool. */
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 200 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  rmmDeviceId?: string | null;

  /** When the RMM tool last saw the device. */
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time', example: '2026-12-01T09:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'lastSeenAt must be an ISO 8601 date-time' })
  lastSeenAt?: string | null;

  @OrganizationIdField()
  organizationId?: string;
}
