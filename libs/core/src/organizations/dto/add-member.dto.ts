import { IsEmail, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsAcceptablePassword } from '../../auth/password-policy/acceptable-password.decorator';

/**
 * Either `userId` of an existing user of the tenant, or `email`, `password`, `firstName` and
 * `lastName` of a new one; and the role, by `role` name or `roleId`. A field that is sent is
 * always checked (`null` included), even beside the one that makes it unneeded.
 */
export class AddMemberDto {
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ValidateIf((dto: AddMemberDto, value: unknown) => dto.userId === undefined || value !== undefined)
  @IsEmail()
  @MaxLength(254)
  email?: string;

  /** Initial password of a new user: at least 12 characters, not a common password. */
  @ValidateIf((dto: AddMemberDto, value: unknown) => dto.userId === undefined || value !== undefined)
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  @IsAcceptablePassword()
  password?: string;

  @ValidateIf((dto: AddMemberDto, value: unknown) => dto.userId === undefined || value !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  firstName?: string;

  @ValidateIf((dto: AddMemberDto, value: unknown) => dto.userId === undefined || value !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  lastName?: string;

  /** Role name: GUEST, VIEWER, AGENT, MANAGER, ADMIN or one of the tenant's roles. */
  @ValidateIf((dto: AddMemberDto, value: unknown) => dto.roleId === undefined || value !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  role?: string;

  @IsOptional()
  @IsUUID()
  roleId?: string;
}
