import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '../../database/unit-of-work';
import { AuthErrors } from '../auth-errors';
import { Actor } from '../../tenancy/actor';
import { UserEntity } from '../../tenancy/entities/user.entity';
import { unscopedRepository } from '../../tenancy/unscoped-repository';
import { emailHash, LoginLockout, type LockoutAttempt } from '../lockout/login-lockout';
import { type MfaFactor, MfaCodeVerifier } from '../mfa/mfa-code-verifier';
import { PasswordHasher } from '../password-hasher';
import { type ClientInfo, type IssuedTokens, SessionService } from '../session.service';
import { LoginCommand } from './login.command';
import { SecurityAudit } from '../security-audit';

type FailureReason = 'INVALID_CREDENTIALS' | 'INVALID_MFA_CODE';

/**
 * E-mail + password (+ TOTP or recovery code when MFA is on) → a new session. Every attempt is
 * counted towards the lock before any check (locked accounts are refused there); a failure is
 * audited in the user's tenant. Failures for unknown e-mails have no tenant to audit in: they are logged
 * (hashed e-mail, IP) and counted towards the same lock, but not stored in the audit log.
 */
@CommandHandler(LoginCommand)
export class LoginHandler implements ICommandHandler<LoginCommand, IssuedTokens> {
  private readonly logger = new Logger('Login');

  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly lockout: LoginLockout,
    private readonly mfa: MfaCodeVerifier,
  ) {}

  async execute({ input, client }: LoginCommand): Promise<IssuedTokens> {
    // Admitted before anything is checked, so parallel guesses cannot outrun the lock.
    const attempt = await this.lockout.admit(input.email);
    const user = await unscopedRepository(this.dataSource.manager, UserEntity)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('lower(user.email) = lower(:email)', { email: input.email })
      .getOne();
    // Unknown e-mail and wrong password answer alike, after the same hashing work.
    const valid =
      user === null
        ? await this.passwords.verifyDummy(input.password)
        : await this.passwords.verify(user.passwordHash, input.password);
    if (user === null || !valid || !user.isActive) {
      await this.recordFailure(user, attempt, 'INVALID_CREDENTIALS', client);
      throw AuthErrors.invalidCredentials();
    }
    const factor = await this.secondFactor(user, attempt, input.mfaCode, client);
    const actor = new Actor('user', user.id, user.tenantId, new Map());
    return this.uow.runAs(actor, async (tx) => {
      await this.lockout.reset(tx.unscopedManager(), input.email);
      const issued = await this.sessions.open(tx.unscopedManager(), user, client);
      await tx.audit({
        action: SecurityAudit.loggedIn,
        entity: 'user',
        entityId: user.id,
        organizationId: null,
        details: {
          sessionId: issued.sessionId,
          mfa: factor,
          ip: client.ip ?? null,
          userAgent: client.userAgent ?? null,
        },
      });
      return issued;
    });
  }

  /** Null when the user has no MFA; otherwise the factor that was accepted, or a 401. */
  private async secondFactor(
    user: UserEntity,
    attempt: LockoutAttempt,
    code: string | undefined,
    client: ClientInfo,
  ): Promise<MfaFactor | null> {
    const mfa = await this.mfa.findEnabled(this.dataSource.manager, user.id);
    if (mfa === null) return null;
    if (code === undefined) {
      // The password was right: asking for the code is not a failure.
      await this.lockout.giveBack(attempt);
      throw AuthErrors.mfaRequired();
    }
    const factor = await this.mfa.accept(this.dataSource.manager, mfa, code);
    if (factor === null) {
      await this.recordFailure(user, attempt, 'INVALID_MFA_CODE', client);
      throw AuthErrors.invalidMfaCode();
    }
    return factor;
  }

  /** Counts a failed attempt against the lock, and audits it. */
  private async recordFailure(
    user: UserEntity | null,
    attempt: LockoutAttempt,
    reason: FailureReason,
    client: ClientInfo,
  ): Promise<void> {
    const { email } = attempt;
    const { failures, lockedNow } = await this.lockout.fail(attempt);
    if (user === null) {
      this.logger.warn(
        { emailHash: emailHash(email).slice(0, 16), ip: client.ip, failures, reason },
        'Login failed for an unknown e-mail',
      );
      return;
    }
    const actor = new Actor('anonymous', user.id, user.tenantId, new Map());
    await this.uow.runAs(actor, async (tx) => {
      const details = { reason, failures, ip: client.ip ?? null, userAgent: client.userAgent ?? null };
      const base = { entity: 'user', entityId: user.id, organizationId: null, details } as const;
      await tx.audit({ ...base, action: SecurityAudit.loginFailed });
      if (lockedNow) await tx.audit({ ...base, action: SecurityAudit.lockedOut });
    });
  }
}
