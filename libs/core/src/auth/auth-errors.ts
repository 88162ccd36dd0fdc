import { TooManyRequestsError, UnauthorizedError } from '../errors/domain-error';

/**
 * The errors of logging in and refreshing, made in one place so the routes' documented examples
 * (`ApiProblems`) are the bodies the handlers throw.
 */
export const AuthErrors = {
  invalidCredentials: (): UnauthorizedError =>
    new UnauthorizedError('The e-mail or password is wrong.', 'INVALID_CREDENTIALS'),
  mfaRequired: (): UnauthorizedError =>
    new UnauthorizedError(
      'This account uses two-factor authentication: send mfaCode (authenticator code or recovery code).',
      'MFA_REQUIRED',
    ),
  invalidMfaCode: (): UnauthorizedError =>
    new UnauthorizedError('The authentication code is wrong or was already used.', 'INVALID_MFA_CODE'),
  invalidRefreshToken: (): UnauthorizedError =>
    new UnauthorizedError('The refresh token is invalid, expired or revoked.', 'INVALID_REFRESH_TOKEN'),
  accountLocked: (seconds: number): TooManyRequestsError =>
    new TooManyRequestsError(
      'ACCOUNT_LOCKED',
      'Too many failed logins for this account; it is locked for a while.',
      seconds,
    ),
  loginInProgress: (): TooManyRequestsError =>
    new TooManyRequestsError(
      'LOGIN_IN_PROGRESS',
      'Other logins to this account are being checked right now; try again in a moment.',
      1,
    ),
} as const;
