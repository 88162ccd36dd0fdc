import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDate,
  IsEnum,
  IsString,
  IsUUID,
  Matches,
  MinDate,
} from 'class-validator';
import { Permission } from '../../permissions/permission.enum';
import { OptionalNonNull } from '../../validation/optional-non-null.decorator';

export class CreateApiKeyDto {
  /** What the key is for, e.g. `billing-sync`; unique among your active keys. */
  @IsString()
  @Matches(/^\S(.{0,98}\S)?$/, { message: 'name must be 1–100 characters without leading or trailing spaces' })
  name: string;

  /** Grants the key acts with; each must be one you hold in every organization of the key. */
  @ApiProperty({ enum: Permission, isArray: true, example: ['ORG_CONTACT_VIEW'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsEnum(Permission, { each: true, message: 'grants must contain only known grants' })
  grants: Permission[];

  /** Organizations the key may act in; you must be a member of each. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'organizationIds must contain UUIDs' })
  organizationIds: string[];

  /** When the key stops working (ISO 8601, in the future); omit for a key that never expires. */
  @OptionalNonNull()
  @Type(() => Date)
  @IsDate({ message: 'expiresAt must be an ISO 8601 date-time' })
  @MinDate(() => new Date(), { message: 'expiresAt must be in the future' })
  expiresAt?: Date;
}
