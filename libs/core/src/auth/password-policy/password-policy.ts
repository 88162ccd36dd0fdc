import { COMMON_PASSWORDS } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 12;

/**
 * ASVS 2.1: at least 12 characters, not one of the commonest passwords, and not the account's
 * own e-mail. Returns why a password is refused, or null when it is acceptable.
 */
export function passwordPolicyViolation(password: string, email?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  const normalized = password.trim().toLowerCase();
  if (COMMON_PASSWORDS.has(normalized) || COMMON_PASSWORDS.has(normalized.replace(/\s+/g, ''))) {
    return 'is one of the most common passwords; choose another';
  }
  if (email !== undefined) {
    const address = email.trim().toLowerCase();
    const local = address.split('@')[0] ?? address;
    if (normalized === address || normalized === local) return 'must not be your e-mail address';
  }
  if (/^(.)\1+$/.test(password)) return 'must not repeat a single character';
  return null;
}
