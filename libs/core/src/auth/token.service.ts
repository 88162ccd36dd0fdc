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

/** Verified tokens remembered (oldest forgotten first): a client sends the same token for its lifetime. */
const VERIFIED_TOKENS_KEPT = 10_000;

interface VerifiedToken {
  readonly claims: AccessClaims;
  /** Seconds since the epoch, as in the token. */
  readonly expiresAt: number;
  readonly notBefore: number;
}

@Injectable()
export class TokenService {
  /**
   * Tokens whose signature, issuer and audience were checked: a hit skips the HMAC and the
   * parsing (a tenth of a list request's CPU) but never the clock. Revocation is not a property
   * of the token: the session is checked per request by the actor loader.
   */
  private readonly verified = new Map<string, VerifiedToken>();

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
    const now = Math.floor(Date.now() / 1000);
    const known = this.verified.get(token);
    if (known !== undefined) {
      if (now < known.expiresAt && now >= known.notBefore) return known.claims;
      this.verified.delete(token);
    }
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
    const claims = { sub, tid, sid };
    if (typeof payload.exp === 'number') this.remember(token, claims, payload.exp, payload.nbf);
    return claims;
  }

  private remember(token: string, claims: AccessClaims, expiresAt: number, notBefore: unknown): void {
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) {
      const oldest = this.verified.keys().next();
      if (oldest.done !== true) this.verified.delete(oldest.value);
    }
    this.verified.set(token, { claims, expiresAt, notBefore: typeof notBefore === 'number' ? notBefore : 0 });
  }

  newRefreshToken(): { token: string; hash: string } {
    const token = `rt_${randomBytes(32).toString('base64url')}`;
    return { token, hash: hashRefreshToken(token) };
  }
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
