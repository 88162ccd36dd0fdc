import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { ApiTag, ApiProblems, CrmRoute, Permission, RequirePermissions } from '@clientele/core';
import { ReceiveInboundEmailCommand } from './commands/receive-inbound-email.command';
import { InboundEmailDto } from './dto/inbound-email.dto';
import { InboundEmailResponse } from './dto/inbound-email.response';
import { TicketResponse } from './dto/ticket.response';
import type { InboundEmailOutcome } from './inbound-email-outcome';
import { GetTicketQuery } from './queries/get-ticket.query';
import type { TicketView } from './ticket-view';

/** The service desk's mail gateway: a user or a service API key holding `ORG_TICKET_EDIT`. */
@ApiTag('tickets')
@ApiBearerAuth()
@CrmRoute()
@Controller('service-desk')
export class ServiceDeskController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post('inbound')
  @RequirePermissions(Permission.ORG_TICKET_EDIT)
  @ApiOperation({
    summary: 'An e-mail to the desk opens a ticket linking every active contact matching the sender or a CC.',
    description:
      'Addresses match contacts case-insensitively; there is no 6-contact cap here: every match is linked, and ' +
      '`skipped` lists the addresses of no contact (`UNKNOWN`) or of an inactive one (`INACTIVE`).',
  })
  @ApiProblems(400, 401, 403, 404)
  async inbound(@Body() dto: InboundEmailDto): Promise<InboundEmailResponse> {
    const outcome = await this.commandBus.execute<ReceiveInboundEmailCommand, InboundEmailOutcome>(
      new ReceiveInboundEmailCommand(dto),
    );
    const view = await this.queryBus.execute<GetTicketQuery, TicketView>(new GetTicketQuery(outcome.ticketId));
    return InboundEmailResponse.from(TicketResponse.from(view), outcome);
  }
}
