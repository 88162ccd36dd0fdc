import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { TooManyRequestsError } from '../../errors/domain-error';

interface FailureRow {
  failed_count: number;
  locked_now: boolean;
}

/**
 * Brute-force protection per account: `LOGIN_MAX_FAILURES` failed attempts (wrong password or
 * MFA code) within `LOGIN_FAILURE_WINDOW_SECONDS` lock the e-mail for `LOGIN_LOCKOUT_SECONDS`,
 * answered 429 `ACCOUNT_LOCKED` with Retry-After, even with the right password.
 *
 * Counters are keyed by a hash of the lower-cased e-mail, not the user, so an unknown e-mail
 * locks exactly like a known one and the lock cannot be used to discover accounts. They live in
 * PostgreSQL, shared by every replica and surviving restarts.
 */
@Injectable()
export class LoginLockout {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assertNotLocked(email: string): Promise<void> {
    const rows: Array<{ seconds: number }> = await this.dataSource.query(
      `SELECT extract(epoch FROM locked_until - now())::float8 AS seconds
         FROM login_lockout WHERE email_hash = $1 AND locked_until > now()`,
      [emailHash(email)],
    );
    const seconds = rows[0]?.seconds;
    if (seconds !== undefined) throw accountLocked(seconds);
  }

  /** Counts one failure; `lockedNow` when this failure was the one that locked the account. */
  async recordFailure(manager: EntityManager, email: string): Promise<{ failures: number; lockedNow: boolean }> {
    const { loginMaxFailures, loginFailureWindowSeconds, loginLockoutSeconds } = this.config.auth;
    // ON CONFLICT's SET reads the row under its lock, so concurrent failures all count.
    const inWindow = `l.window_started_at > now() - make_interval(secs => $3)`;
    const count = `CASE WHEN ${inWindow} THEN l.failed_count + 1 ELSE 1 END`;
    const rows: FailureRow[] = await manager.query(
      `INSERT INTO login_lockout AS l (email_hash, failed_count, window_started_at, locked_until)
       VALUES ($1, 1, now(), CASE WHEN $2::int <= 1 THEN now() + make_interval(secs => $4) END)
       ON CONFLICT (email_hash) DO UPDATE
          SET failed_count = ${count},
              window_started_at = CASE WHEN ${inWindow} THEN l.window_started_at ELSE now() END,
              locked_until = CASE WHEN ${count} >= $2 THEN now() + make_interval(secs => $4) ELSE l.locked_until END
       RETURNING failed_count, failed_count >= $2 AS locked_now`,
      [emailHash(email), loginMaxFailures, loginFailureWindowSeconds, loginLockoutSeconds],
    );
    const row = rows[0];
    return { failures: row?.failed_count ?? 1, lockedNow: row?.locked_now ?? false };
  }

  /** A successful login starts the count over. */
  async reset(manager: EntityManager, email: string): Promise<void> {
    await manager.query(`DELETE FROM login_lockout WHERE email_hash = $1`, [emailHash(email)]);
  }
}

/** The lockout key of an e-mail; also what logs show instead of an unknown e-mail. */
export function emailHash(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

function accountLocked(seconds: number): TooManyRequestsError {
  return new TooManyRequestsError(
    'ACCOUNT_LOCKED',
    'Too many failed logins for this account; it is locked for a while.',
    seconds,
  );
}
