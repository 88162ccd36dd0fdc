import { IsString, MaxLength } from 'class-validator';
import { IsAcceptablePassword } from '../password-policy/acceptable-password.decorator';

export class ChangePasswordDto {
  @IsString()
  @MaxLength(200)
  currentPassword: string;

  /** At least 12 characters, not a common password. */
  @IsString()
  @MaxLength(200)
  @IsAcceptablePassword()
  newPassword: string;
}
