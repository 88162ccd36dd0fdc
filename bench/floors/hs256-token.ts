import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TokenClaims {
  readonly sub: string;
  readonly tid: string;
  readonly sid: string;
}

/**
 * HS256 JWTs by hand, as cheap as they can be: what the floors use to sign (login) and to
 * verify (same-SQL floor), so the floors do the unavoidable crypto and nothing else.
 */
export class Hs256Token {
  constructor(
    private readonly secret: string,
    private readonly issuer: string,
    private readonly audience: string,
  ) {}

  sign(claims: TokenClaims, ttlSeconds: number): string {
    const now = Math.floor(Date.now() / 1000);
    const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = base64url(
      JSON.stringify({
        tid: claims.tid,
        sid: claims.sid,
        iat: now,
        exp: now + ttlSeconds,
        aud: this.audience,
        iss: this.issuer,
        sub: claims.sub,
      }),
    );
    return `${header}.${payload}.${this.signature(`${header}.${payload}`)}`;
  }

  /** The claims of a valid token (signature, algorithm, expiry, issuer, audience), else null. */
  verify(authorization: string | undefined): TokenClaims | null {
    const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined;
    const parts = token?.split('.');
    if (parts?.length !== 3) return null;
    const [header, payload, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.signature(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    const head = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown };
    if (head.alg !== 'HS256') return null;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) return null;
    if (claims.iss !== this.issuer || claims.aud !== this.audience) return null;
    const { sub, tid, sid } = claims;
    if (typeof sub !== 'string' || typeof tid !== 'string' || typeof sid !== 'string') return null;
    return { sub, tid, sid };
  }

  /** The tenant of a token without verifying it: the page floor trusts its caller. */
  static unverifiedTenant(authorization: string | undefined): string | null {
    const payload = authorization?.split('.')[1];
    if (payload === undefined) return null;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { tid?: unknown };
    return typeof claims.tid === 'string' ? claims.tid : null;
  }

  private signature(input: string): string {
    return createHmac('sha256', this.secret).update(input).digest('base64url');
  }
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}
