import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { IsAcceptablePassword } from '../password-policy/acceptable-password.decorator';

export class SignupDto {
  /** The company account to create. */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  tenantName: string;

  /** Its first organization (business unit); the new user becomes its ADMIN. */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  organizationName: string;

  @IsEmail()
  @MaxLength(254)
  email: string;

  /** At least 12 characters, not a common password, not the e-mail. */
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  @IsAcceptablePassword()
  password: string;

  @IsString()
  @MinLength(1)
  @MaxLength(100)
  firstName: string;

  @IsString()
  @MinLength(1)
  @MaxLength(100)
  lastName: string;
}
