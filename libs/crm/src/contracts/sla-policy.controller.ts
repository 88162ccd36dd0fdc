import { Body, Controller, Delete, Get, HttpCode, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { ApiProblems, ApiTag, CrmRoute, Permission, RequirePermissions } from '@clientele/core';
import { DeleteSlaPolicyCommand } from './commands/delete-sla-policy.command';
import { SaveSlaPolicyCommand } from './commands/save-sla-policy.command';
import { SaveSlaPolicyDto, SlaPolicyParams } from './dto/save-sla-policy.dto';
import { OrganizationSlaPolicyResponse } from './dto/sla-policy.response';
import { GetSlaPolicyQuery } from './queries/get-sla-policy.query';

/**
 * The organization's default SLA policy, for tickets whose customer has no contract policy in
 * force: reading needs `ORG_CUSTOMER_VIEW`; changing it is an organization setting
 * (`ORG_SETTINGS_EDIT`, ADMIN), as `organizations/:id/settings` is.
 */
@ApiTag(
  'sla-policy',
  'The organization’s default SLA policy: first-response and resolution targets per ticket priority, in business or calendar hours.',
)
@ApiBearerAuth()
@CrmRoute()
@Controller('sla-policy')
export class SlaPolicyController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @RequirePermissions(Permission.ORG_CUSTOMER_VIEW)
  @ApiOperation({ summary: 'The organization’s default SLA policy (`policy: null` when it has none).' })
  @ApiProblems(400, 401, 403, 404)
  get(@Query() params: SlaPolicyParams): Promise<OrganizationSlaPolicyResponse> {
    return this.queryBus.execute(new GetSlaPolicyQuery(params.organizationId));
  }

  @Put()
  @RequirePermissions(Permission.ORG_SETTINGS_EDIT)
  @ApiOperation({
    summary: 'Replace the organization’s default SLA policy; tickets opened from now on get due times from it.',
    description:
      'Business hours are one weekly schedule: the same `open`–`close` window (local time in `timeZone`, DST ' +
      'included) on each of `days`; default Mon–Fri 09:00–17:00 UTC. Targets are minutes per priority.',
  })
  @ApiProblems(400, 401, 403, 404)
  async put(@Body() dto: SaveSlaPolicyDto): Promise<OrganizationSlaPolicyResponse> {
    await this.commandBus.execute(new SaveSlaPolicyCommand(dto));
    return this.queryBus.execute(new GetSlaPolicyQuery(dto.organizationId));
  }

  @Delete()
  @HttpCode(204)
  @RequirePermissions(Permission.ORG_SETTINGS_EDIT)
  @ApiOperation({ summary: 'Remove the organization’s default SLA policy (idempotent: 204 when it has none).' })
  @ApiProblems(400, 401, 403, 404)
  async remove(@Query() params: SlaPolicyParams): Promise<void> {
    await this.commandBus.execute(new DeleteSlaPolicyCommand(params.organizationId));
  }
}
