import { ApiProperty } from '@nestjs/swagger';
import type { IssuedTokens } from '../session.service';

export class TokenResponse {
  @ApiProperty({ description: 'JWT for `Authorization: Bearer …`, valid `expiresIn` seconds.' })
  accessToken: string;

  @ApiProperty({ description: 'Single-use token for `POST /api/auth/refresh`; also set as an HttpOnly cookie.' })
  refreshToken: string;

  @ApiProperty({ example: 900 })
  expiresIn: number;

  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';

  static from(tokens: IssuedTokens): TokenResponse {
    return {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresIn: tokens.expiresIn,
      tokenType: tokens.tokenType,
    };
  }
}
