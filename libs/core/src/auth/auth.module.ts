import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ActorLoader } from './actor-loader';
import { AuthController } from './auth.controller';
import { LoginHandler } from './commands/login.handler';
import { LogoutHandler } from './commands/logout.handler';
import { RefreshSessionHandler } from './commands/refresh-session.handler';
import { SignupHandler } from './commands/signup.handler';
import { PasswordHasher } from './password-hasher';
import { GetMeHandler } from './queries/get-me.handler';
import { SessionService } from './session.service';
import { TokenService } from './token.service';

@Module({
  imports: [CqrsModule],
  controllers: [AuthController],
  providers: [
    ActorLoader,
    PasswordHasher,
    SessionService,
    TokenService,
    SignupHandler,
    LoginHandler,
    RefreshSessionHandler,
    LogoutHandler,
    GetMeHandler,
  ],
  exports: [ActorLoader, PasswordHasher, TokenService, SessionService],
})
export class AuthModule {}
