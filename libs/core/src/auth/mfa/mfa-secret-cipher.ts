import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { openSecret, sealSecret } from '../sealed-secret';
import { deriveMfaKey } from './mfa-key';

/**
 * Encrypts TOTP secrets at rest with AES-256-GCM. The user id is the associated data, so a
 * ciphertext copied onto another user's row does not decrypt.
 */
@Injectable()
export class MfaSecretCipher {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = deriveMfaKey(config, 'totp-secret');
  }

  encrypt(secret: string, userId: string): string {
    return sealSecret(this.key, secret, userId);
  }

  decrypt(payload: string, userId: string): string {
    return openSecret(this.key, payload, userId);
  }
}
