import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../../database/unit-of-work';
import { ConflictError, ValidationError } from '../../../errors/domain-error';
import { unscopedRepository } from '../../../tenancy/unscoped-repository';
import { UserMfaEntity } from '../entities/user-mfa.entity';
import { MfaCodeVerifier } from '../mfa-code-verifier';
import { EnableMfaCommand } from './enable-mfa.command';
import { SecurityAudit } from '../../security-audit';

/** Switches MFA on once a code from the authenticator app matches the secret from setup. */
@CommandHandler(EnableMfaCommand)
export class EnableMfaHandler implements ICommandHandler<EnableMfaCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly verifier: MfaCodeVerifier,
  ) {}

  execute({ code }: EnableMfaCommand): Promise<void> {
    return this.uow.run(async (tx) => {
      const userId = tx.scope.actor.id;
      const mfa = await this.verifier.find(tx.unscopedManager(), userId);
      if (mfa === null) {
        throw new ConflictError('MFA_NOT_SET_UP', 'Call POST /api/auth/mfa/setup first, then enable with a code.');
      }
      if (mfa.enabledAt !== null) {
        throw new ConflictError('MFA_ALREADY_ENABLED', 'Two-factor authentication is already on.');
      }
      const step = await this.verifier.acceptableStep(mfa, code);
      if (step === null) {
        throw ValidationError.field(
          'code',
          'code is not the current code of your authenticator app',
          'INVALID_MFA_CODE',
        );
      }
      // The code that proved the app is spent too: it cannot be replayed to log in.
      await unscopedRepository(tx.unscopedManager(), UserMfaEntity).update(
        { userId },
        { enabledAt: () => 'now()', lastTimeStep: step },
      );
      await tx.audit({ action: SecurityAudit.mfaEnabled, entity: 'user', entityId: userId, organizationId: null });
    });
  }
}
