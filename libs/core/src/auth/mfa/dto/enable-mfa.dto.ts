import { Matches } from 'class-validator';

export class EnableMfaDto {
  /** The 6-digit code your authenticator app shows now. */
  @Matches(/^\d{6}$/, { message: 'code must be the 6-digit code of your authenticator app' })
  code: string;
}
