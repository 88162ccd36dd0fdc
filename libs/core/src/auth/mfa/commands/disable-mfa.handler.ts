import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '../../../database/unit-of-work';
import { ConflictError, ValidationError } from '../../../errors/domain-error';
import { RequestContext } from '../../../tenancy/request-context';
import { unscopedRepository } from '../../../tenancy/unscoped-repository';
import { Reauthentication } from '../../reauthentication';
import { MfaRecoveryCodeEntity } from '../entities/mfa-recovery-code.entity';
import { UserMfaEntity } from '../entities/user-mfa.entity';
import { MfaCodeVerifier } from '../mfa-code-verifier';
import { DisableMfaCommand } from './disable-mfa.command';
import { SecurityAudit } from '../../security-audit';

/** Switches MFA off; needs the password and a current code (or a recovery code). */
@CommandHandler(DisableMfaCommand)
export class DisableMfaHandler implements ICommandHandler<DisableMfaCommand, void> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly context: RequestContext,
    private readonly reauthentication: Reauthentication,
    private readonly verifier: MfaCodeVerifier,
  ) {}

  async execute({ password, code }: DisableMfaCommand): Promise<void> {
    const mfa = await this.verifier.findEnabled(this.dataSource.manager, this.context.scope().actor.id);
    if (mfa === null) throw new ConflictError('MFA_NOT_ENABLED', 'Two-factor authentication is not on.');
    const user = await this.reauthentication.confirmPassword(password, 'password');
    const factor = await this.reauthentication.attempt(user, 'INVALID_MFA_CODE', () =>
      this.verifier.accept(this.dataSource.manager, mfa, code),
    );
    if (factor === null) {
      throw ValidationError.field('code', 'code is wrong or was already used', 'INVALID_MFA_CODE');
    }
    await this.uow.run(async (tx) => {
      await unscopedRepository(tx.unscopedManager(), MfaRecoveryCodeEntity).delete({ userId: user.id });
      await unscopedRepository(tx.unscopedManager(), UserMfaEntity).delete({ userId: user.id });
      await tx.audit({
        action: SecurityAudit.mfaDisabled,
        entity: 'user',
        entityId: user.id,
        organizationId: null,
        details: { confirmedWith: factor },
      });
    });
  }
}
