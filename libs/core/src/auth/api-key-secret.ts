import { createHash, randomBytes } from 'node:crypto';

export const API_KEY_PREFIX = 'ck_';

/**
 * A new service API key: `ck_` and 40 random base64url characters (240 bits). Only its
 * SHA-256 is stored — enough for a secret this random — and its first characters for display.
 */
export function newApiKeySecret(): { secret: string; hash: string; prefix: string } {
  const secret = `${API_KEY_PREFIX}${randomBytes(30).toString('base64url')}`;
  return { secret, hash: hashApiKeySecret(secret), prefix: secret.slice(0, API_KEY_PREFIX.length + 8) };
}

export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
