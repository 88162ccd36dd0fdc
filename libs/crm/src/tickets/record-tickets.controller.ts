import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiPageResponse,
  ApiProblems,
  CrmRoute,
  IdParam,
  type Page,
  Permission,
  RequirePermissions,
} from '@clientele/core';
import { GetCustomerQuery } from '../customers';
import { GetContactQuery } from '../organization-contact';
import { RecordTicketsParams } from './dto/record-tickets.params';
import { TicketResponse } from './dto/ticket.response';
import { ListTicketsQuery } from './queries/list-tickets.query';
import type { TicketView } from './ticket-view';

/**
 * GitLab's "issues of a contact / of an organization": `GET crm/contacts/:id/tickets` (tickets
 * the contact is linked to) and `GET crm/customers/:id/tickets`, served by the tickets room. The
 * contact or customer must be visible (else 404).
 */
@ApiTags('crm: contacts', 'crm: customers')
@ApiBearerAuth()
@CrmRoute()
@Controller('crm')
export class RecordTicketsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('contacts/:id/tickets')
  @RequirePermissions(Permission.ORG_TICKET_VIEW)
  @ApiOperation({ summary: 'Tickets the contact is linked to, with the ticket list’s filters.' })
  @ApiPageResponse(TicketResponse)
  @ApiProblems(400, 401, 403, 404)
  async contactTickets(@IdParam() id: string, @Query() params: RecordTicketsParams): Promise<Page<TicketResponse>> {
    await this.queryBus.execute(new GetContactQuery(id, []));
    return this.list({ ...params, contactId: id.toLowerCase() });
  }

  @Get('customers/:id/tickets')
  @RequirePermissions(Permission.ORG_TICKET_VIEW)
  @ApiOperation({ summary: 'The customer’s tickets, with the ticket list’s filters.' })
  @ApiPageResponse(TicketResponse)
  @ApiProblems(400, 401, 403, 404)
  async customerTickets(@IdParam() id: string, @Query() params: RecordTicketsParams): Promise<Page<TicketResponse>> {
    await this.queryBus.execute(new GetCustomerQuery(id));
    return this.list({ ...params, customerId: id.toLowerCase() });
  }

  private async list(
    params: RecordTicketsParams & { contactId?: string; customerId?: string },
  ): Promise<Page<TicketResponse>> {
    const page = await this.queryBus.execute<ListTicketsQuery, Page<TicketView>>(new ListTicketsQuery(params));
    return page.map((view) => TicketResponse.from(view));
  }
}
