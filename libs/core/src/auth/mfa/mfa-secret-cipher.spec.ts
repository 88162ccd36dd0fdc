import { describe, expect, it } from 'vitest';
import { type AppConfig, loadConfig } from '../../config/app-config';
import { MfaSecretCipher } from './mfa-secret-cipher';
import { RecoveryCodes } from './recovery-codes';

function config(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({ JWT_SECRET: 'unit-test-secret-that-is-at-least-32-chars', ...overrides });
}

describe('MfaSecretCipher', () => {
  it('round-trips a secret, with a fresh IV each time', () => {
    const cipher = new MfaSecretCipher(config());
    const first = cipher.encrypt('JBSWY3DPEHPK3PXP', 'user-1');
    const second = cipher.encrypt('JBSWY3DPEHPK3PXP', 'user-1');
    expect(first).not.toBe(second);
    expect(first).not.toContain('JBSWY3DPEHPK3PXP');
    expect(cipher.decrypt(first, 'user-1')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses a ciphertext moved to another user, tampered with, or read with another key', () => {
    const cipher = new MfaSecretCipher(config());
    const payload = cipher.encrypt('JBSWY3DPEHPK3PXP', 'user-1');
    expect(() => cipher.decrypt(payload, 'user-2')).toThrow();
    const [version, iv, tag, body] = payload.split('.');
    const flipped = Buffer.from(body ?? '', 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => cipher.decrypt([version, iv, tag, flipped.toString('base64url')].join('.'), 'user-1')).toThrow();
    const other = new MfaSecretCipher(config({ MFA_ENCRYPTION_KEY: 'another-key-that-is-at-least-32-characters' }));
    expect(() => other.decrypt(payload, 'user-1')).toThrow();
  });
});

describe('RecoveryCodes', () => {
  it('makes 10 distinct codes without look-alike characters', () => {
    const codes = new RecoveryCodes(config()).generate();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/);
  });

  it('hashes codes regardless of case and dashes, under a server key', () => {
    const codes = new RecoveryCodes(config());
    expect(codes.hash('ABCD-EFGH-JKLM-NPQR')).toBe(codes.hash('abcdefghjklmnpqr'));
    expect(codes.hash('ABCD-EFGH-JKLM-NPQR')).not.toBe(codes.hash('ABCD-EFGH-JKLM-NPQS'));
    const otherKey = new RecoveryCodes(config({ MFA_ENCRYPTION_KEY: 'another-key-that-is-at-least-32-characters' }));
    expect(otherKey.hash('ABCD-EFGH-JKLM-NPQR')).not.toBe(codes.hash('ABCD-EFGH-JKLM-NPQR'));
  });

  it('tells recovery codes from 6-digit TOTP codes', () => {
    expect(RecoveryCodes.looksLikeRecoveryCode('123456')).toBe(false);
    expect(RecoveryCodes.looksLikeRecoveryCode('ABCD-EFGH-JKLM-NPQR')).toBe(true);
  });
});
