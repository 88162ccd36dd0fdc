import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { ApiProblems } from '../../errors/api-problems.decorator';
import { RequirePermissions, UserOnly } from '../../permissions/permissions.decorator';
import { DisableMfaCommand } from './commands/disable-mfa.command';
import { EnableMfaCommand } from './commands/enable-mfa.command';
import { SetUpMfaCommand } from './commands/set-up-mfa.command';
import { DisableMfaDto } from './dto/disable-mfa.dto';
import { EnableMfaDto } from './dto/enable-mfa.dto';
import { MfaSetupResponse } from './dto/mfa-setup.response';
import { ApiTag } from '../../openapi/api-tag.decorator';

/** TOTP two-factor authentication (RFC 6238) of the logged-in user. */
@ApiTag('auth')
@ApiBearerAuth()
@RequirePermissions()
@UserOnly()
@Controller('auth/mfa')
export class MfaController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('setup')
  @ApiOperation({
    summary: 'Start MFA setup: a TOTP secret, its otpauth:// URI and 10 recovery codes, shown only now.',
  })
  @ApiProblems(401, 403, 409)
  setUp(): Promise<MfaSetupResponse> {
    return this.commandBus.execute<SetUpMfaCommand, MfaSetupResponse>(new SetUpMfaCommand());
  }

  @Post('enable')
  @HttpCode(204)
  @ApiOperation({ summary: 'Switch MFA on with a current code from the authenticator app.' })
  @ApiProblems(400, 401, 403, 409)
  async enable(@Body() dto: EnableMfaDto): Promise<void> {
    await this.commandBus.execute(new EnableMfaCommand(dto.code));
  }

  @Post('disable')
  @HttpCode(204)
  @ApiOperation({ summary: 'Switch MFA off; needs your password and a current code or a recovery code.' })
  @ApiProblems(400, 401, 403, 409, 429)
  async disable(@Body() dto: DisableMfaDto): Promise<void> {
    await this.commandBus.execute(new DisableMfaCommand(dto.password, dto.code));
  }
}
