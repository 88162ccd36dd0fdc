import { SetMetadata } from '@nestjs/common';

export const AUTH_ATTEMPTS_ROUTE = 'clientele:auth-attempts';

/**
 * Login-like routes (login, signup, refresh): also counted against the strict per-IP `auth` limit
 * (`RATE_LIMIT_AUTH_PER_IP`), on top of the account lockout.
 */
export const LimitAuthAttempts = (): MethodDecorator => SetMetadata(AUTH_ATTEMPTS_ROUTE, true);
