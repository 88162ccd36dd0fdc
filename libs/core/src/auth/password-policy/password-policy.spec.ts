import { describe, expect, it } from 'vitest';
import { passwordPolicyViolation } from './password-policy';

describe('passwordPolicyViolation', () => {
  it('accepts a long, uncommon password', () => {
    expect(passwordPolicyViolation('correct horse battery staple')).toBeNull();
    expect(passwordPolicyViolation('a much better passphrase 42', 'ada@example.test')).toBeNull();
  });

  it('refuses fewer than 12 characters', () => {
    expect(passwordPolicyViolation('short pass1')).toBe('must be at least 12 characters');
  });

  it('refuses common passwords whatever their case or spacing', () => {
    for (const password of ['password1234', 'PASSWORD1234', ' Qwerty123456 ', 'iloveyou 1234']) {
      expect(passwordPolicyViolation(password)).toMatch(/most common passwords/);
    }
  });

  it('refuses the e-mail address or its local part', () => {
    expect(passwordPolicyViolation('ada.lovelace@example.test', 'Ada.Lovelace@example.test')).toMatch(/e-mail/);
    expect(passwordPolicyViolation('ada.lovelace.x', 'ada.lovelace.x@example.test')).toMatch(/e-mail/);
  });

  it('refuses one character repeated', () => {
    expect(passwordPolicyViolation('zzzzzzzzzzzzzz')).toMatch(/single character/);
  });
});
