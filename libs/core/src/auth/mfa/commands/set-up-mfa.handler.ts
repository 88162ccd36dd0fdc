import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/app-config.token';
import { UnitOfWork } from '../../../database/unit-of-work';
import { ConflictError } from '../../../errors/domain-error';
import { UserEntity } from '../../../tenancy/entities/user.entity';
import { unscopedRepository } from '../../../tenancy/unscoped-repository';
import { MfaSetupResponse } from '../dto/mfa-setup.response';
import { MfaRecoveryCodeEntity } from '../entities/mfa-recovery-code.entity';
import { UserMfaEntity } from '../entities/user-mfa.entity';
import { MfaCodeVerifier } from '../mfa-code-verifier';
import { MfaSecretCipher } from '../mfa-secret-cipher';
import { RecoveryCodes } from '../recovery-codes';
import { Totp } from '../totp';
import { SetUpMfaCommand } from './set-up-mfa.command';
import { SecurityAudit } from '../../security-audit';

/**
 * Starts (or restarts) MFA setup: a new TOTP secret, stored encrypted, and new recovery codes,
 * stored hashed. The secret and the codes are shown in this response only. MFA is not on until
 * `POST /auth/mfa/enable` proves the authenticator app has the secret.
 */
@CommandHandler(SetUpMfaCommand)
export class SetUpMfaHandler implements ICommandHandler<SetUpMfaCommand, MfaSetupResponse> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly verifier: MfaCodeVerifier,
    private readonly cipher: MfaSecretCipher,
    private readonly totp: Totp,
    private readonly recoveryCodes: RecoveryCodes,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  execute(): Promise<MfaSetupResponse> {
    return this.uow.run(async (tx) => {
      const user = await tx.repository(UserEntity).findOneOrFail(tx.scope.actor.id);
      const existing = await this.verifier.find(tx.unscopedManager(), user.id);
      if (existing !== null && existing.enabledAt !== null) {
        throw new ConflictError(
          'MFA_ALREADY_ENABLED',
          'Two-factor authentication is already on; disable it first to set up another authenticator.',
        );
      }
      const secret = this.totp.newSecret();
      await unscopedRepository(tx.unscopedManager(), UserMfaEntity).upsert(
        {
          userId: user.id,
          tenantId: user.tenantId,
          secretEncrypted: this.cipher.encrypt(secret, user.id),
          enabledAt: null,
          lastTimeStep: null,
        },
        ['userId'],
      );
      const codes = this.recoveryCodes.generate();
      const recoveryCodes = unscopedRepository(tx.unscopedManager(), MfaRecoveryCodeEntity);
      await recoveryCodes.delete({ userId: user.id });
      await recoveryCodes.insert(
        codes.map((code) => ({ tenantId: user.tenantId, userId: user.id, codeHash: this.recoveryCodes.hash(code) })),
      );
      await tx.audit({
        action: SecurityAudit.mfaSetupStarted,
        entity: 'user',
        entityId: user.id,
        organizationId: null,
      });
      return MfaSetupResponse.from(secret, this.totp.uri(secret, this.config.auth.mfaIssuer, user.email), codes);
    });
  }
}
