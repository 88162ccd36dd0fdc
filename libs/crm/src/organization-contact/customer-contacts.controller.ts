import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import {
  ApiPageResponse,
  ApiProblems,
  ApiTag,
  EXAMPLE_ID,
  NotFoundError,
  CrmRoute,
  IdParam,
  type Page,
  Permission,
  RequirePermissions,
} from '@clientele/core';
import { GetCustomerQuery } from '../customers';
import { PORTAL_CONTACT_COLUMNS, PORTAL_CONTACT_RELATIONS, type PortalContactRow } from './contact-relations';
import { crmContactFilter } from './crm-contact-filter';
import { CrmContactResponse } from './dto/crm-contact.response';
import { ListCustomerContactsParams } from './dto/list-customer-contacts.params';
import { ListContactsQuery } from './queries/list-contacts.query';

const CUSTOMER_NOT_FOUND = new NotFoundError('CUSTOMER', EXAMPLE_ID);

/** `GET crm/customers/:id/contacts`: served by the contact room, which owns the contact table. */
@ApiTag('crm: customers')
@ApiBearerAuth()
@CrmRoute()
@Controller('crm/customers')
export class CustomerContactsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/contacts')
  @RequirePermissions(Permission.ORG_CONTACT_VIEW)
  @ApiOperation({ summary: "The customer's contacts, with the contact list's filters." })
  @ApiPageResponse(CrmContactResponse)
  @ApiProblems(400, 401, 403, CUSTOMER_NOT_FOUND)
  async list(@IdParam() id: string, @Query() params: ListCustomerContactsParams): Promise<Page<CrmContactResponse>> {
    await this.queryBus.execute(new GetCustomerQuery(id));
    const page = await this.queryBus.execute<ListContactsQuery, Page<PortalContactRow>>(
      new ListContactsQuery(
        { ...crmContactFilter(params), customerId: id },
        params,
        PORTAL_CONTACT_RELATIONS,
        PORTAL_CONTACT_COLUMNS,
      ),
    );
    return page.map((contact) => CrmContactResponse.from(contact));
  }
}
