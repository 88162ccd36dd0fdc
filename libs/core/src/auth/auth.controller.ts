import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { ApiProblems } from '../errors/api-problems.decorator';
import { TooManyRequestsError, UnauthorizedError } from '../errors/domain-error';
import { Public, RequirePermissions, UserOnly } from '../permissions/permissions.decorator';
import { LimitAuthAttempts } from '../rate-limit/limit-auth-attempts.decorator';
import { AuthErrors } from './auth-errors';
import { ChangePasswordCommand } from './commands/change-password.command';
import { LoginCommand } from './commands/login.command';
import { LogoutCommand } from './commands/logout.command';
import { RefreshSessionCommand } from './commands/refresh-session.command';
import { SignupCommand } from './commands/signup.command';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { MeResponse } from './dto/me.response';
import { RefreshDto } from './dto/refresh.dto';
import { SignupDto } from './dto/signup.dto';
import { TokenResponse } from './dto/token.response';
import { GetMeQuery } from './queries/get-me.query';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie';
import type { ClientInfo, IssuedTokens } from './session.service';
import { ApiTag } from '../openapi/api-tag.decorator';

@ApiTag('auth', 'Sign up, log in (with MFA), refresh and end sessions, change your password, and who you are.')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @LimitAuthAttempts()
  @Post('signup')
  @ApiOperation({ summary: 'Create a tenant, its first organization and its ADMIN user; logs in.' })
  @ApiProblems(400, 403, 409, 429)
  async signup(
    @Body() dto: SignupDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponse> {
    const tokens = await this.commandBus.execute<SignupCommand, IssuedTokens>(new SignupCommand(dto, client(request)));
    return this.respond(reply, tokens);
  }

  @Public()
  @LimitAuthAttempts()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Log in with e-mail and password (and mfaCode when MFA is on); returns an access and a refresh token.',
    description:
      '401 `INVALID_CREDENTIALS` for a wrong e-mail or password alike, `MFA_REQUIRED` when mfaCode is missing, ' +
      '`INVALID_MFA_CODE` for a wrong or reused code. After 5 failures in 15 minutes the account is locked: ' +
      '429 `ACCOUNT_LOCKED` with Retry-After. Attempts beyond those that may still fail, while others are ' +
      'being checked, answer 429 `LOGIN_IN_PROGRESS` (Retry-After: 1) and never lock.',
  })
  @ApiProblems(
    400,
    AuthErrors.invalidCredentials(),
    AuthErrors.mfaRequired(),
    AuthErrors.invalidMfaCode(),
    AuthErrors.accountLocked(900),
    AuthErrors.loginInProgress(),
    TooManyRequestsError.rateLimited(60),
  )
  async login(
    @Body() dto: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponse> {
    const tokens = await this.commandBus.execute<LoginCommand, IssuedTokens>(new LoginCommand(dto, client(request)));
    return this.respond(reply, tokens);
  }

  @Public()
  @LimitAuthAttempts()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token (body or `refreshToken` cookie) for a new pair; the old one is retired.',
  })
  @ApiProblems(400, AuthErrors.invalidRefreshToken(), 429)
  async refresh(
    @Body() dto: RefreshDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponse> {
    const token = dto.refreshToken ?? readRefreshCookie(request);
    if (token === undefined || token === '') {
      throw new UnauthorizedError('Send refreshToken in the body or the refreshToken cookie.', 'INVALID_REFRESH_TOKEN');
    }
    const tokens = await this.commandBus.execute<RefreshSessionCommand, IssuedTokens>(new RefreshSessionCommand(token));
    return this.respond(reply, tokens);
  }

  @RequirePermissions()
  @UserOnly()
  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End this session: its access and refresh tokens stop working.' })
  @ApiProblems(401, 403)
  async logout(@Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.commandBus.execute(new LogoutCommand());
    clearRefreshCookie(reply, this.config.auth.cookieSecure);
  }

  @RequirePermissions()
  @UserOnly()
  @Post('password')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change your password; every other session of yours is logged out.' })
  @ApiProblems(400, 401, 403, 429)
  async changePassword(@Body() dto: ChangePasswordDto): Promise<void> {
    await this.commandBus.execute(new ChangePasswordCommand(dto.currentPassword, dto.newPassword));
  }

  @RequirePermissions()
  @UserOnly()
  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The current user, tenant and memberships with their roles and grants.' })
  @ApiProblems(401, 403)
  me(): Promise<MeResponse> {
    return this.queryBus.execute<GetMeQuery, MeResponse>(new GetMeQuery());
  }

  private respond(reply: FastifyReply, tokens: IssuedTokens): TokenResponse {
    setRefreshCookie(reply, tokens.refreshToken, tokens.refreshExpiresIn, this.config.auth.cookieSecure);
    return TokenResponse.from(tokens);
  }
}

function client(request: FastifyRequest): ClientInfo {
  return { userAgent: request.headers['user-agent'], ip: request.ip };
}
