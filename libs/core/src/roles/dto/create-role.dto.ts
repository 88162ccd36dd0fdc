import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsEnum, IsString, Matches, MaxLength } from 'class-validator';
import { OptionalNonNull } from '../../validation/optional-non-null.decorator';
import { Permission } from '../../permissions/permission.enum';

export class CreateRoleDto {
  /** Unique in the tenant, and not the name of a built-in role. */
  @IsString()
  @Matches(/^\S(.{0,98}\S)?$/, { message: 'name must be 1–100 characters without leading or trailing spaces' })
  name: string;

  @OptionalNonNull()
  @IsString()
  @MaxLength(500)
  description?: string;

  /** Any subset of the grants; `[]` makes a role that may only see the organization. */
  @ApiProperty({ enum: Permission, isArray: true, example: ['ALL_ORG_VIEW', 'ORG_CONTACT_EDIT'] })
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsEnum(Permission, { each: true, message: 'grants must contain only known grants' })
  grants: Permission[];
}
