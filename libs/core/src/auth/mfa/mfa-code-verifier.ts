import { Injectable } from '@nestjs/common';
import { type EntityManager, IsNull } from 'typeorm';
import { unscopedRepository } from '../../tenancy/unscoped-repository';
import { MfaRecoveryCodeEntity } from './entities/mfa-recovery-code.entity';
import { UserMfaEntity } from './entities/user-mfa.entity';
import { MfaSecretCipher } from './mfa-secret-cipher';
import { RecoveryCodes } from './recovery-codes';
import { Totp } from './totp';

export type MfaFactor = 'totp' | 'recovery_code';

/** Checks the second factor: a fresh TOTP code, or an unused recovery code (then spent). */
@Injectable()
export class MfaCodeVerifier {
  constructor(
    private readonly cipher: MfaSecretCipher,
    private readonly totp: Totp,
    private readonly recoveryCodes: RecoveryCodes,
  ) {}

  /** The user's authenticator with its (encrypted) secret, whether enabled or only set up. */
  find(manager: EntityManager, userId: string): Promise<UserMfaEntity | null> {
    return unscopedRepository(manager, UserMfaEntity)
      .createQueryBuilder('mfa')
      .addSelect('mfa.secretEncrypted')
      .where('mfa.userId = :userId', { userId })
      .getOne();
  }

  /** The enabled authenticator; null when the user has no MFA. */
  findEnabled(manager: EntityManager, userId: string): Promise<UserMfaEntity | null> {
    return unscopedRepository(manager, UserMfaEntity)
      .createQueryBuilder('mfa')
      .addSelect('mfa.secretEncrypted')
      .where('mfa.userId = :userId AND mfa.enabledAt IS NOT NULL', { userId })
      .getOne();
  }

  /**
   * Accepts and spends `code`. Spending is one conditional UPDATE, so the same code sent twice
   * at once is accepted once. Run it outside the caller's transaction, so a spent code stays
   * spent even when the caller fails afterwards.
   */
  async accept(manager: EntityManager, mfa: UserMfaEntity, code: string): Promise<MfaFactor | null> {
    if (RecoveryCodes.looksLikeRecoveryCode(code)) {
      if (mfa.enabledAt === null) return null;
      const spent = await unscopedRepository(manager, MfaRecoveryCodeEntity).update(
        { userId: mfa.userId, codeHash: this.recoveryCodes.hash(code), usedAt: IsNull() },
        { usedAt: () => 'now()' },
      );
      return (spent.affected ?? 0) === 1 ? 'recovery_code' : null;
    }
    const step = await this.acceptableStep(mfa, code);
    if (step === null) return null;
    const spent = await unscopedRepository(manager, UserMfaEntity)
      .createQueryBuilder()
      .update()
      .set({ lastTimeStep: step })
      .where('user_id = :userId AND (last_time_step IS NULL OR last_time_step < :step)', {
        userId: mfa.userId,
        step,
      })
      .execute();
    return spent.affected === 1 ? 'totp' : null;
  }

  /** The time step of a valid, unspent TOTP code, without spending it. */
  acceptableStep(mfa: UserMfaEntity, code: string): Promise<number | null> {
    const secret = this.cipher.decrypt(mfa.secretEncrypted, mfa.userId);
    return this.totp.verify(secret, code, mfa.lastTimeStep);
  }
}
