import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import type { TooManyRequestsError } from '../../errors/domain-error';
import { AuthErrors } from '../auth-errors';

interface AttemptRow {
  failed_count: number;
  locked_now: boolean;
}

/** One admitted try at an account's secret; it counts as a failure until it is given back or succeeds. */
export interface LockoutAttempt {
  readonly email: string;
  /** The failures in the window, this attempt included. */
  readonly failures: number;
  /** This attempt is the one that locked the account: if it fails, the lock stands. */
  readonly lockedNow: boolean;
}

/**
 * Brute-force protection per account: `LOGIN_MAX_FAILURES` failed attempts (wrong password or
 * MFA code) within `LOGIN_FAILURE_WINDOW_SECONDS` lock the e-mail for `LOGIN_LOCKOUT_SECONDS`,
 * answered 429 `ACCOUNT_LOCKED` with Retry-After, even with the right password.
 *
 * The check and the count are one statement (`admit`): an attempt is counted as a failure
 * before its secret is verified, and refused if the account is locked, so parallel guesses
 * cannot all pass the check before the first failure is counted — at most `LOGIN_MAX_FAILURES`
 * are ever evaluated per window. A success resets the count; an attempt that did not fail (the
 * right password with the MFA code still to come) is given back.
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

  /** Counts one attempt, or refuses it with 429 `ACCOUNT_LOCKED` while the account is locked. */
  async admit(email: string): Promise<LockoutAttempt> {
    // A lock that ends between the refused upsert and the read of its end is tried again.
    for (let tries = 0; tries < 3; tries += 1) {
      const row = await this.countAttempt(email);
      if (row !== undefined) return { email, failures: row.failed_count, lockedNow: row.locked_now };
      const seconds = await this.lockedSeconds(email);
      if (seconds !== undefined) throw accountLocked(seconds);
    }
    throw accountLocked(1);
  }

  /** The attempt did not fail (nor succeed yet): it no longer counts, nor does the lock it set. */
  async giveBack(attempt: LockoutAttempt): Promise<void> {
    await this.dataSource.query(
      `UPDATE login_lockout
          SET failed_count = greatest(failed_count - 1, 0),
              locked_until = CASE WHEN $2 THEN NULL ELSE locked_until END
        WHERE email_hash = $1`,
      [emailHash(attempt.email), attempt.lockedNow],
    );
  }

  /** A successful login starts the count over. */
  async reset(manager: EntityManager, email: string): Promise<void> {
    await manager.query(`DELETE FROM login_lockout WHERE email_hash = $1`, [emailHash(email)]);
  }

  /**
   * Autocommitted, so the next attempt sees it at once. ON CONFLICT waits for the row's lock and
   * reads its latest version; its WHERE leaves a locked row untouched and returns nothing.
   */
  private async countAttempt(email: string): Promise<AttemptRow | undefined> {
    const { loginMaxFailures, loginFailureWindowSeconds, loginLockoutSeconds } = this.config.auth;
    const inWindow = `l.window_started_at > now() - make_interval(secs => $3)`;
    const count = `CASE WHEN ${inWindow} THEN l.failed_count + 1 ELSE 1 END`;
    const rows: AttemptRow[] = await this.dataSource.query(
      `INSERT INTO login_lockout AS l (email_hash, failed_count, window_started_at, locked_until)
       VALUES ($1, 1, now(), CASE WHEN $2::int <= 1 THEN now() + make_interval(secs => $4) END)
       ON CONFLICT (email_hash) DO UPDATE
          SET failed_count = ${count},
              window_started_at = CASE WHEN ${inWindow} THEN l.window_started_at ELSE now() END,
              locked_until = CASE WHEN ${count} >= $2 THEN now() + make_interval(secs => $4) ELSE l.locked_until END
        WHERE l.locked_until IS NULL OR l.locked_until <= now()
       RETURNING failed_count, failed_count >= $2 AS locked_now`,
      [emailHash(email), loginMaxFailures, loginFailureWindowSeconds, loginLockoutSeconds],
    );
    return rows[0];
  }

  private async lockedSeconds(email: string): Promise<number | undefined> {
    const rows: Array<{ seconds: number }> = await this.dataSource.query(
      `SELECT extract(epoch FROM locked_until - now())::float8 AS seconds
         FROM login_lockout WHERE email_hash = $1 AND locked_until > now()`,
      [emailHash(email)],
    );
    return rows[0]?.seconds;
  }
}

/** The lockout key of an e-mail; also what logs show instead of an unknown e-mail. */
export function emailHash(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

function accountLocked(seconds: number): TooManyRequestsError {
  return AuthErrors.accountLocked(seconds);
}
