import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { AuthErrors } from '../auth-errors';

/** One admitted try at an account's secret, in flight until it fails, succeeds or is given back. */
export interface LockoutAttempt {
  readonly email: string;
}

/** What a failed attempt did to the account. */
export interface LockoutFailure {
  /** The confirmed failures in the window, this one included. */
  readonly failures: number;
  /** This failure is the one that locked the account. */
  readonly lockedNow: boolean;
}

/** Attempts in flight are forgotten this long after the last one was admitted (a process died mid-check). */
const PENDING_TTL_SECONDS = 60;

/**
 * Brute-force protection per account: `LOGIN_MAX_FAILURES` failed attempts (wrong password or
 * MFA code) within `LOGIN_FAILURE_WINDOW_SECONDS` lock the e-mail for `LOGIN_LOCKOUT_SECONDS`,
 * answered 429 `ACCOUNT_LOCKED` with Retry-After, even with the right password.
 *
 * `admit` is one statement that checks and counts: an attempt is let through only while the
 * confirmed failures plus the attempts still being checked stay under `LOGIN_MAX_FAILURES`, so
 * parallel guesses cannot all pass before the first failure is counted — at most that many are
 * ever evaluated per window. An attempt beyond it while others are in flight gets a short 429
 * `LOGIN_IN_PROGRESS` (Retry-After 1 s), never a lock: only confirmed failures (`fail`) lock,
 * so parallel logins with the right password (a script, several devices) do not lock anyone out.
 * A success resets the count; an attempt that did not fail (the right password with the MFA
 * code still to come) is given back.
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

  /**
   * Lets one attempt be checked, or refuses it: 429 `ACCOUNT_LOCKED` while the account is
   * locked, 429 `LOGIN_IN_PROGRESS` while as many attempts as may still fail are being checked.
   * Autocommitted, so the next attempt sees it at once; ON CONFLICT waits for the row's lock and
   * reads its latest version, and its WHERE leaves a refused row untouched and returns nothing.
   */
  async admit(email: string): Promise<LockoutAttempt> {
    const { loginMaxFailures, loginFailureWindowSeconds } = this.config.auth;
    // Failures count within their window, and a lock that has run out forgives them.
    const failed = `CASE WHEN l.locked_until <= now() THEN 0
                         WHEN l.window_started_at > now() - make_interval(secs => $3) THEN l.failed_count
                         ELSE 0 END`;
    const pending = `CASE WHEN l.pending_since > now() - make_interval(secs => $4) THEN l.pending_count ELSE 0 END`;
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO login_lockout AS l (email_hash, failed_count, window_started_at, pending_count, pending_since)
       VALUES ($1, 0, now(), 1, now())
       ON CONFLICT (email_hash) DO UPDATE
          SET failed_count = ${failed},
              window_started_at = CASE WHEN ${failed} = 0 THEN now() ELSE l.window_started_at END,
              pending_count = ${pending} + 1,
              pending_since = now(),
              locked_until = NULL
        WHERE (l.locked_until IS NULL OR l.locked_until <= now()) AND ${failed} + ${pending} < $2
       RETURNING 1`,
      [emailHash(email), loginMaxFailures, loginFailureWindowSeconds, PENDING_TTL_SECONDS],
    );
    if (rows.length > 0) return { email };
    const seconds = await this.lockedSeconds(email);
    if (seconds !== undefined) throw AuthErrors.accountLocked(seconds);
    throw AuthErrors.loginInProgress();
  }

  /** The attempt failed: it counts, and the failure that reaches the limit locks the account. */
  async fail(attempt: LockoutAttempt): Promise<LockoutFailure> {
    const { loginMaxFailures, loginLockoutSeconds } = this.config.auth;
    const rows: Array<{ failures: number; locked_now: boolean }> = await this.dataSource.query(
      // In a CTE, so the driver answers the rows (a bare UPDATE answers [rows, count]).
      `WITH failed AS (
         UPDATE login_lockout AS l
            SET failed_count = l.failed_count + 1,
                pending_count = greatest(l.pending_count - 1, 0),
                locked_until = CASE WHEN l.failed_count + 1 >= $2 THEN now() + make_interval(secs => $3)
                                    ELSE l.locked_until END
          WHERE l.email_hash = $1
         RETURNING l.failed_count AS failures, l.failed_count = $2 AS locked_now)
       SELECT failures, locked_now FROM failed`,
      [emailHash(attempt.email), loginMaxFailures, loginLockoutSeconds],
    );
    // No row: a success reset the count while this attempt was being checked.
    return { failures: rows[0]?.failures ?? 1, lockedNow: rows[0]?.locked_now ?? false };
  }

  /** The attempt did not fail (nor succeed yet): it no longer counts. */
  async giveBack(attempt: LockoutAttempt): Promise<void> {
    await this.dataSource.query(
      `UPDATE login_lockout SET pending_count = greatest(pending_count - 1, 0) WHERE email_hash = $1`,
      [emailHash(attempt.email)],
    );
  }

  /** A successful login starts the count over. */
  async reset(manager: EntityManager, email: string): Promise<void> {
    await manager.query(`DELETE FROM login_lockout WHERE email_hash = $1`, [emailHash(email)]);
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
