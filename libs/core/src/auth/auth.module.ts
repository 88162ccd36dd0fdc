import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ActorLoader } from './actor-loader';
import { AuthController } from './auth.controller';
import { ChangePasswordHandler } from './commands/change-password.handler';
import { LoginHandler } from './commands/login.handler';
import { LogoutHandler } from './commands/logout.handler';
import { RefreshSessionHandler } from './commands/refresh-session.handler';
import { SignupHandler } from './commands/signup.handler';
import { LoginLockout } from './lockout/login-lockout';
import { DisableMfaHandler } from './mfa/commands/disable-mfa.handler';
import { EnableMfaHandler } from './mfa/commands/enable-mfa.handler';
import { SetUpMfaHandler } from './mfa/commands/set-up-mfa.handler';
import { MfaCodeVerifier } from './mfa/mfa-code-verifier';
import { MfaSecretCipher } from './mfa/mfa-secret-cipher';
import { MfaController } from './mfa/mfa.controller';
import { RecoveryCodes } from './mfa/recovery-codes';
import { Totp } from './mfa/totp';
import { PasswordHasher } from './password-hasher';
import { GetMeHandler } from './queries/get-me.handler';
import { Reauthentication } from './reauthentication';
import { SessionService } from './session.service';
import { TokenService } from './token.service';

@Module({
  imports: [CqrsModule],
  controllers: [AuthController, MfaController],
  providers: [
    ActorLoader,
    PasswordHasher,
    SessionService,
    TokenService,
    LoginLockout,
    Reauthentication,
    MfaSecretCipher,
    RecoveryCodes,
    Totp,
    MfaCodeVerifier,
    SignupHandler,
    LoginHandler,
    RefreshSessionHandler,
    LogoutHandler,
    ChangePasswordHandler,
    SetUpMfaHandler,
    EnableMfaHandler,
    DisableMfaHandler,
    GetMeHandler,
  ],
  exports: [ActorLoader, PasswordHasher, TokenService, SessionService],
})
export class AuthModule {}
