import { Injectable } from '@nestjs/common';
import { ScopedReader, UnitOfWork } from '../database/unit-of-work';
import { NotFoundError, ValidationError } from '../errors/domain-error';
import { UserEntity } from '../tenancy/entities/user.entity';
import { LoginLockout } from './lockout/login-lockout';
import { PasswordHasher } from './password-hasher';
import { SecurityAudit } from './security-audit';

export type ReauthenticationFailure = 'INVALID_PASSWORD' | 'INVALID_MFA_CODE';

/**
 * Sensitive changes by a logged-in user (password, MFA) ask for the password again. Wrong
 * answers count towards the account lock like failed logins, so a stolen access token cannot
 * be used to guess the password; they answer 400 on the field, not 401, since the token is fine.
 */
@Injectable()
export class Reauthentication {
  constructor(
    private readonly reader: ScopedReader,
    private readonly uow: UnitOfWork,
    private readonly passwords: PasswordHasher,
    private readonly lockout: LoginLockout,
  ) {}

  /** The current user (with password hash) when `password` is theirs. */
  async confirmPassword(password: string, field: string): Promise<UserEntity> {
    const users = this.reader.repository(UserEntity);
    const id = users.scope.actor.id;
    const user = await users.query('user').addSelect('user.passwordHash').andWhere('user.id = :id', { id }).getOne();
    if (user === null) throw new NotFoundError('USER', id);
    const confirmed = await this.attempt(user, 'INVALID_PASSWORD', async () =>
      (await this.passwords.verify(user.passwordHash, password)) ? user : null,
    );
    if (confirmed !== null) return confirmed;
    throw ValidationError.field(field, `${field} is not your current password`, 'INVALID_PASSWORD');
  }

  /**
   * Runs `check` as one attempt against the user's lock: admitted before it runs (429
   * `ACCOUNT_LOCKED` while locked), given back when it passes (non-null), counted as a failure
   * and audited when it fails.
   */
  async attempt<T>(
    user: UserEntity,
    reason: ReauthenticationFailure,
    check: () => Promise<T | null>,
  ): Promise<T | null> {
    const attempt = await this.lockout.admit(user.email);
    const passed = await check();
    if (passed !== null) {
      await this.lockout.giveBack(attempt);
      return passed;
    }
    const { failures, lockedNow } = await this.lockout.fail(attempt);
    await this.uow.run(async (tx) => {
      const base = { entity: 'user', entityId: user.id, organizationId: null, details: { reason, failures } } as const;
      await tx.audit({ ...base, action: SecurityAudit.reauthenticationFailed });
      if (lockedNow) await tx.audit({ ...base, action: SecurityAudit.lockedOut });
    });
    return null;
  }
}
