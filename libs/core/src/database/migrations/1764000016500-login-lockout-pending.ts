import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A login attempt was counted as a failure before its password was checked, so five parallel
 * logins with the right password locked the account for the lockout time. Attempts in flight
 * are now counted apart (`pending_count`, forgotten after a minute without a new one, should a
 * process die mid-check), and only confirmed failures lock.
 */
export class LoginLockoutPending1764000016500 implements MigrationInterface {
  name = 'LoginLockoutPending1764000016500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE login_lockout ADD COLUMN pending_count integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE login_lockout ADD COLUMN pending_since timestamptz(3)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE login_lockout DROP COLUMN pending_since`);
    await q.query(`ALTER TABLE login_lockout DROP COLUMN pending_count`);
  }
}
