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

/** Clocks of replicas may differ this much (seconds) when an `iat` or `exp` is compared with now. */
const CLOCK_SKEW_SECONDS = 30;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

  /**
   * Verifies signature (HS256 only: `none` and every other algorithm are refused), time, issuer,
   * audience, and that the token is one this API could have issued: a `crit` header names an
   * extension we do not implement (RFC 7515 §4.1.11), `iat` must not be in the future and `exp`
   * must lie within the configured TTL of it and of now — a token minted with the real key but a
   * ten-year life is refused — and the ids must be UUIDs. Anything else is 401 `INVALID_TOKEN`.
   */
  verifyAccessToken(token: string): AccessClaims {
    const now = Math.floor(Date.now() / 1000);
    const known = this.verified.get(token);
    if (known !== undefined) {
      if (now < known.expiresAt && now >= known.notBefore) return known.claims;
      this.verified.delete(token);
    }
    let verified: { header: Record<string, unknown>; payload: Record<string, unknown> };
    try {
      verified = this.jwt.verify(token, {
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        issuer: this.config.auth.jwtIssuer,
        audience: this.config.auth.jwtAudience,
        complete: true,
      });
    } catch {
      throw invalidToken();
    }
    const { header, payload } = verified;
    const { sub, tid, sid, iat, exp } = payload;
    const ttl = this.config.auth.accessTokenTtlSeconds;
    if (
      header.crit !== undefined ||
      typeof iat !== 'number' ||
      typeof exp !== 'number' ||
      iat > now + CLOCK_SKEW_SECONDS ||
      exp - iat > ttl ||
      exp > now + ttl + CLOCK_SKEW_SECONDS ||
      !isUuid(sub) ||
      !isUuid(tid) ||
      !isUuid(sid)
    ) {
      throw invalidToken();
    }
    const claims = { sub, tid, sid };
    this.remember(token, claims, exp, payload.nbf);
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

function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

function invalidToken(): UnauthorizedError {
  return UnauthorizedError.invalidToken();
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
