import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { ApiTag, ApiProblems, CrmRoute, IdParam, Permission, RequirePermissions } from '@clientele/core';
import { RunBillingCommand } from './commands/run-billing.command';
import type { BillingRunResult } from './commands/run-billing.handler';
import { SaveBillingSettingsCommand } from './commands/save-billing-settings.command';
import { BillingRunDto, BillingSettingsDto } from './dto/billing-settings.dto';
import { BillingRunResponse, BillingSettingsResponse } from './dto/billing-settings.response';
import { GetBillingSettingsQuery } from './queries/get-billing-settings.query';

/** Automated monthly bills: a customer's billing settings and the run that makes the period's drafts. */
@ApiTag(
  'billing',
  'Customers’ billing settings and the monthly run that drafts their recurring invoices, once per period.',
)
@ApiBearerAuth()
@CrmRoute()
@Controller()
export class BillingController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get('crm/customers/:id/billing-settings')
  @RequirePermissions(Permission.ORG_INVOICE_VIEW)
  @ApiOperation({ summary: 'A customer’s billing settings (inactive defaults when none are saved).' })
  @ApiProblems(400, 401, 403, 404)
  get(@IdParam() id: string): Promise<BillingSettingsResponse> {
    return this.queryBus.execute(new GetBillingSettingsQuery(id));
  }

  @Put('crm/customers/:id/billing-settings')
  @RequirePermissions(Permission.ORG_INVOICE_EDIT)
  @ApiOperation({
    summary:
      'Replace a customer’s billing settings: recurring lines, day of month (1–28), currency, contact, time zone.',
  })
  @ApiProblems(400, 401, 403, 404)
  async put(@IdParam() id: string, @Body() dto: BillingSettingsDto): Promise<BillingSettingsResponse> {
    await this.commandBus.execute(new SaveBillingSettingsCommand(id, dto));
    return this.queryBus.execute(new GetBillingSettingsQuery(id));
  }

  @Post('billing/run')
  @HttpCode(200)
  @RequirePermissions(Permission.ORG_INVOICE_EDIT)
  @ApiOperation({
    summary: 'Make one DRAFT invoice per active customer for the period (YYYY-MM); running it again makes none.',
    description: 'A customer whose time zone has not reached the period yet is left out (`notYetDue`).',
  })
  @ApiProblems(400, 401, 403, 404)
  async run(@Body() dto: BillingRunDto): Promise<BillingRunResponse & { notYetDue: number }> {
    return this.commandBus.execute<RunBillingCommand, BillingRunResult>(new RunBillingCommand(dto));
  }
}
