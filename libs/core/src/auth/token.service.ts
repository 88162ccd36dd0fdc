import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { UnauthorizedError } from '../errors/domain-error';

/** What an access token carries: who, which tenant, which session. Never grants. */
export interface AccessClaims {
  readonly sub: string;
  readonly tid: string;
  readonly sid: string;
}

export const ACCESS_TOKEN_ALGORITHM = 'HS256';

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get accessTokenTtlSeconds(): number {
    return this.config.auth.accessTokenTtlSeconds;
  }

  signAccessToken(claims: AccessClaims): string {
    return this.jwt.sign(
      { tid: claims.tid, sid: claims.sid },
      {
        subject: claims.sub,
        algorithm: ACCESS_TOKEN_ALGORITHM,
        expiresIn: this.config.auth.accessTokenTtlSeconds,
        issuer: this.config.auth.jwtIssuer,
        audience: this.config.auth.jwtAudience,
      },
    );
  }

  /** Verifies signature (HS256 only: `none` and every other algorithm are refused), time, issuer, audience. */
  verifyAccessToken(token: string): AccessClaims {
    let payload: Record<string, unknown>;
    try {
      payload = this.jwt.verify<Record<string, unknown>>(token, {
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        issuer: this.config.auth.jwtIssuer,
        audience: this.config.auth.jwtAudience,
      });
    } catch {
      throw new UnauthorizedError('The access token is invalid or expired.', 'INVALID_TOKEN');
    }
    const { sub, tid, sid } = payload;
    if (typeof sub !== 'string' || typeof tid !== 'string' || typeof sid !== 'string') {
      throw new UnauthorizedError('The access token is invalid or expired.', 'INVALID_TOKEN');
    }
    return { sub, tid, sid };
  }

  newRefreshToken(): { token: string; hash: string } {
    const token = `rt_${randomBytes(32).toString('base64url')}`;
    return { token, hash: hashRefreshToken(token) };
  }
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
