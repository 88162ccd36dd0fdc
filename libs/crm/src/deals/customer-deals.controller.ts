import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import {
  ApiTag,
  ApiPageResponse,
  ApiProblems,
  CrmRoute,
  IdParam,
  type Page,
  Permission,
  RequirePermissions,
} from '@clientele/core';
import { GetCustomerQuery } from '../customers';
import type { DealView } from './deal-view';
import { DealResponse } from './dto/deal.response';
import { ListCustomerDealsParams } from './dto/list-customer-deals.params';
import { ListDealsQuery } from './queries/list-deals.query';

/** `GET crm/customers/:id/deals`: served by the deals room, which owns the deal table. */
@ApiTag('crm: customers')
@ApiBearerAuth()
@CrmRoute()
@Controller('crm/customers')
export class CustomerDealsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/deals')
  @RequirePermissions(Permission.ORG_DEAL_VIEW)
  @ApiOperation({ summary: "The customer's deals, with the deal list's filters, paging and sorting." })
  @ApiPageResponse(DealResponse)
  @ApiProblems(400, 401, 403, 404)
  async list(@IdParam() id: string, @Query() params: ListCustomerDealsParams): Promise<Page<DealResponse>> {
    await this.queryBus.execute(new GetCustomerQuery(id));
    const page = await this.queryBus.execute<ListDealsQuery, Page<DealView>>(
      new ListDealsQuery({ ...params, customerId: id }),
    );
    return page.map((view) => DealResponse.from(view));
  }
}
