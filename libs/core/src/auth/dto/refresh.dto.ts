import { IsOptional, IsString, MaxLength } from 'class-validator';

export class RefreshDto {
  /** The refresh token; omit it to use the `refreshToken` cookie. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;
}
