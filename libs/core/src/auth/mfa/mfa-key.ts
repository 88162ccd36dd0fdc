import { hkdfSync } from 'node:crypto';
import type { AppConfig } from '../../config/app-config';

/**
 * A 32-byte key for one MFA purpose, derived (HKDF-SHA256) from `MFA_ENCRYPTION_KEY`, or from
 * the JWT secret when that is unset. Separate `purpose`s give unrelated keys from one secret.
 * Changing the source secret makes stored TOTP secrets and recovery codes unreadable, so set
 * `MFA_ENCRYPTION_KEY` in production and rotate the JWT secret freely.
 */
export function deriveMfaKey(config: AppConfig, purpose: 'totp-secret' | 'recovery-code' | 'webhook-secret'): Buffer {
  const material = config.auth.mfaEncryptionKey ?? config.auth.jwtSecret;
  if (material === undefined) throw new Error('MFA needs MFA_ENCRYPTION_KEY or a JWT secret');
  return Buffer.from(hkdfSync('sha256', material, 'clientele-mfa', purpose, 32));
}
