import { createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { deriveMfaKey } from './mfa-key';

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * One-time recovery codes: 16 characters from a 32-letter alphabet without look-alikes (80
 * bits), shown as `XXXX-XXXX-XXXX-XXXX`. Stored as HMAC-SHA256 under a server key, so a copy
 * of the database alone does not let anyone test guesses offline.
 */
@Injectable()
export class RecoveryCodes {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = deriveMfaKey(config, 'recovery-code');
  }

  generate(): string[] {
    return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
      const characters = [...randomBytes(16)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
      return characters.match(/.{4}/g)?.join('-') ?? characters;
    });
  }

  /** Case and dashes do not matter: `abcd-efgh…` and `ABCDEFGH…` are the same code. */
  hash(code: string): string {
    const normalized = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
    return createHmac('sha256', this.key).update(normalized).digest('hex');
  }

  /** A recovery code as opposed to a 6-digit TOTP code. */
  static looksLikeRecoveryCode(code: string): boolean {
    return !/^\d{6}$/.test(code);
  }
}
