import { createHmac, generateKeyPairSync, sign } from 'node:crypto';

export interface ForgeOptions {
  /** `HS256` (default), `HS512`, `RS256` or `none`. */
  readonly alg?: 'HS256' | 'HS512' | 'RS256' | 'none';
  /** HMAC secret for HS*; ignored for RS256 (a fresh key pair signs) and none. */
  readonly secret?: string;
  /** Extra JOSE header parameters, e.g. `crit`. */
  readonly header?: Record<string, unknown>;
}

/**
 * Signs arbitrary JWTs with node:crypto, so tests can present tokens the API must refuse:
 * other algorithms, other keys, bad times or claims.
 */
export function forgeJwt(payload: Record<string, unknown>, options: ForgeOptions = {}): string {
  const alg = options.alg ?? 'HS256';
  const encode = (part: object): string => Buffer.from(JSON.stringify(part)).toString('base64url');
  const signingInput = `${encode({ alg, typ: 'JWT', ...options.header })}.${encode(payload)}`;
  if (alg === 'none') return `${signingInput}.`;
  if (alg === 'RS256') {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    return `${signingInput}.${sign('sha256', Buffer.from(signingInput), privateKey).toString('base64url')}`;
  }
  const hash = alg === 'HS512' ? 'sha512' : 'sha256';
  const signature = createHmac(hash, options.secret ?? '')
    .update(signingInput)
    .digest('base64url');
  return `${signingInput}.${signature}`;
}

/** The claims of a JWT, unverified. */
export function jwtClaims(token: string): Record<string, unknown> {
  const [, payload] = token.split('.');
  return JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}
