/**
 * The audit-only actions (`tx.audit`): security entries of identity, kept out of the outbox
 * (they are no domain change for consumers, and carry IP addresses). A new one is added here.
 */
export const SecurityAudit = {
  loggedIn: 'user.logged_in',
  loginFailed: 'user.login_failed',
  lockedOut: 'user.locked_out',
  reauthenticationFailed: 'user.reauthentication_failed',
  passwordChanged: 'user.password_changed',
  mfaSetupStarted: 'user.mfa_setup_started',
  mfaEnabled: 'user.mfa_enabled',
  mfaDisabled: 'user.mfa_disabled',
} as const;

export type SecurityAuditAction = (typeof SecurityAudit)[keyof typeof SecurityAudit];
