import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type IssuedTokens, SessionService } from '../session.service';
import { RefreshSessionCommand } from './refresh-session.command';

@CommandHandler(RefreshSessionCommand)
export class RefreshSessionHandler implements ICommandHandler<RefreshSessionCommand, IssuedTokens> {
  constructor(private readonly sessions: SessionService) {}

  execute({ refreshToken }: RefreshSessionCommand): Promise<IssuedTokens> {
    return this.sessions.rotate(refreshToken);
  }
}
