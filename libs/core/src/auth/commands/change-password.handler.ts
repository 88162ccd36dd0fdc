import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../database/unit-of-work';
import { ValidationError } from '../../errors/domain-error';
import { ActorCache } from '../../tenancy/actor-cache';
import { UserEntity } from '../../tenancy/entities/user.entity';
import { RequestContext } from '../../tenancy/request-context';
import { PasswordHasher } from '../password-hasher';
import { passwordPolicyViolation } from '../password-policy/password-policy';
import { Reauthentication } from '../reauthentication';
import { SessionService } from '../session.service';
import { ChangePasswordCommand } from './change-password.command';
import { SecurityAudit } from '../security-audit';

/**
 * Sets a new password after checking the current one, and ends every other session of the
 * user (ASVS 3.3.3): whoever knew the old password is logged out everywhere but here.
 */
@CommandHandler(ChangePasswordCommand)
export class ChangePasswordHandler implements ICommandHandler<ChangePasswordCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly context: RequestContext,
    private readonly reauthentication: Reauthentication,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly actors: ActorCache,
  ) {}

  async execute({ currentPassword, newPassword }: ChangePasswordCommand): Promise<void> {
    const user = await this.reauthentication.confirmPassword(currentPassword, 'currentPassword');
    if (newPassword === currentPassword) {
      throw ValidationError.field('newPassword', 'newPassword must differ from currentPassword');
    }
    const violation = passwordPolicyViolation(newPassword, user.email);
    if (violation !== null) throw ValidationError.field('newPassword', `newPassword ${violation}`);
    user.passwordHash = await this.passwords.hash(newPassword);
    const keep = this.context.scope().actor.sessionId;
    await this.uow.run(async (tx) => {
      await tx.repository(UserEntity).save(user);
      const revokedSessions = await this.sessions.revokeOthers(tx.unscopedManager(), user, keep, 'password_changed');
      await tx.audit({
        action: SecurityAudit.passwordChanged,
        entity: 'user',
        entityId: user.id,
        organizationId: null,
        details: { revokedSessions },
      });
    });
    // The revoked sessions may sit in the actor cache; drop them now the revocation is committed.
    this.actors.tenantChanged(user.tenantId);
  }
}
