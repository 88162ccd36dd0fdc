import { IsString, Matches, MaxLength } from 'class-validator';

export class DisableMfaDto {
  /** Your current password. */
  @IsString()
  @MaxLength(200)
  password: string;

  /** A 6-digit code from the authenticator app, or one of your recovery codes. */
  @IsString()
  @Matches(/^[0-9A-Za-z-]{6,20}$/, { message: 'code must be a 6-digit code or a recovery code' })
  code: string;
}
