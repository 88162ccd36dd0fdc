import { IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';

export class UpdateMemberDto {
  /** Role name, e.g. MANAGER. */
  @ValidateIf((dto: UpdateMemberDto) => dto.roleId === undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  role?: string;

  @IsOptional()
  @IsUUID()
  roleId?: string;
}
