import { IsEmail, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class LoginDto {
  @IsEmail()
  @MaxLength(254)
  email: string;

  @IsString()
  @MaxLength(200)
  password: string;

  /** TOTP code, for users with MFA enabled. */
  @IsOptional()
  @IsString()
  @Matches(/^[0-9A-Za-z-]{6,20}$/, { message: 'mfaCode must be a 6-digit code or a recovery code' })
  mfaCode?: string;
}
