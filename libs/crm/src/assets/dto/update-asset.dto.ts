import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { OptionalNonNull } from '@clientele/core';
import { CreateAssetDto } from './create-asset.dto';

/** Fields left out keep their value; `null` clears an optional one (not `name`, `kind` or `customerId`). */
export class UpdateAssetDto extends PartialType(OmitType(CreateAssetDto, ['name', 'customerId', 'organizationId']), {
  skipNullProperties: false,
}) {
  @OptionalNonNull()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  /** Moves the asset to another live customer of its organization. */
  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @OptionalNonNull()
  @IsUUID()
  customerId?: string;
}
