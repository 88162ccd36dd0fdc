import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RequestContext } from '../../tenancy/request-context';
import { SessionService } from '../session.service';
import { LogoutCommand } from './logout.command';

/** Revokes the caller's session: its access tokens and refresh tokens stop working at once. */
@CommandHandler(LogoutCommand)
export class LogoutHandler implements ICommandHandler<LogoutCommand, void> {
  constructor(
    private readonly sessions: SessionService,
    private readonly context: RequestContext,
  ) {}

  async execute(): Promise<void> {
    const { sessionId } = this.context.scope().actor;
    if (sessionId !== undefined) await this.sessions.revoke(sessionId, 'logout');
  }
}
