import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, type StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { Readable } from 'node:stream';
import {
  ApiListOrExport,
  ApiTag,
  ApiProblems,
  EXAMPLE_ID,
  NotFoundError,
  CrmRoute,
  IdParam,
  listOrExport,
  type Page,
  Permission,
  RequirePermissions,
} from '@clientele/core';
import { TimelineParams, TimelineResponse, timelineResponse } from '../timeline';
import { CreateCustomerCommand } from './commands/create-customer.command';
import { DeleteCustomerCommand } from './commands/delete-customer.command';
import { UpdateCustomerCommand } from './commands/update-customer.command';
import type { CustomerView } from './customer-view';
import { CREATE_CUSTOMER_EXAMPLES, CreateCustomerDto } from './dto/create-customer.dto';
import { CustomerResponse } from './dto/customer.response';
import { ListCustomersParams } from './dto/list-customers.params';
import { UpdateCustomerDto } from './dto/update-customer.dto';
import type { CustomerEntity } from './entities/customer.entity';
import { ExportCustomersQuery } from './queries/export-customers.query';
import { GetCustomerQuery } from './queries/get-customer.query';
import { ListCustomersQuery } from './queries/list-customers.query';
import { CustomerNameTakenError } from './customer-name-taken.error';
import { customerExportColumns } from './customer-export-columns';

/** What these routes answer for a customer that is not there, and for a taken name. */
const CUSTOMER_NOT_FOUND = new NotFoundError('CUSTOMER', EXAMPLE_ID);
const NAME_TAKEN = new CustomerNameTakenError(EXAMPLE_ID, 'Acme Corp');

/**
 * The portal's customers (companies). Reading needs `ORG_CONTACT_VIEW` and writing
 * `ORG_CONTACT_EDIT` (the portal treats contacts and customers as one CRM); an AGENT
 * (`ORG_CONTACT_EDIT_OWN`) may update the customers it owns.
 */
@ApiTag(
  'crm: customers',
  "The portal's customers (companies): list, filter and export, create, change and delete; their contacts.",
)
@ApiBearerAuth()
@CrmRoute()
@Controller('crm/customers')
export class CustomersController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @RequirePermissions(Permission.ORG_CONTACT_VIEW)
  @ApiListOrExport(
    CustomerResponse,
    'Customers with contact count, open tickets, contract status and billing summary.',
    customerExportColumns,
  )
  list(@Query() params: ListCustomersParams): Promise<Page<CustomerResponse> | StreamableFile> {
    return listOrExport(params.format, {
      file: 'customers',
      exportRows: (format) =>
        this.queryBus.execute<ExportCustomersQuery, Readable>(new ExportCustomersQuery(params, format)),
      page: async () =>
        (await this.queryBus.execute<ListCustomersQuery, Page<CustomerView>>(new ListCustomersQuery(params))).map(
          (view) => CustomerResponse.from(view),
        ),
    });
  }

  @Get(':id')
  @RequirePermissions(Permission.ORG_CONTACT_VIEW)
  @ApiOperation({ summary: 'One customer.' })
  @ApiProblems(400, 401, 403, CUSTOMER_NOT_FOUND)
  get(@IdParam() id: string): Promise<CustomerResponse> {
    return this.view(id);
  }

  @Get(':id/timeline')
  @RequirePermissions(Permission.ORG_CONTACT_VIEW)
  @ApiOperation({
    summary:
      "The customer's timeline: its activities, notes, field changes and its deals' stage changes, newest first.",
  })
  @ApiOkResponse({ type: TimelineResponse })
  @ApiProblems(400, 401, 403, 404)
  async timeline(@IdParam() id: string, @Query() params: TimelineParams): Promise<TimelineResponse> {
    const { customer } = await this.queryBus.execute<GetCustomerQuery, CustomerView>(new GetCustomerQuery(id));
    return timelineResponse(
      this.queryBus,
      { entity: 'customer', id: customer.id, organizationId: customer.organizationId },
      params,
    );
  }

  @Post()
  @RequirePermissions(Permission.ORG_CONTACT_EDIT)
  @ApiOperation({ summary: 'Create a customer; its name is unique in the organization (case-insensitive).' })
  @ApiProblems(400, 401, 403, 404, NAME_TAKEN)
  @ApiBody({ type: CreateCustomerDto, examples: CREATE_CUSTOMER_EXAMPLES })
  async create(@Body() dto: CreateCustomerDto): Promise<CustomerResponse> {
    const customer = await this.commandBus.execute<CreateCustomerCommand, CustomerEntity>(
      new CreateCustomerCommand(dto),
    );
    return this.view(customer.id);
  }

  @Patch(':id')
  @RequirePermissions(Permission.ORG_CONTACT_EDIT, Permission.ORG_CONTACT_EDIT_OWN)
  @ApiOperation({ summary: 'Change the fields sent; an AGENT only on customers it owns.' })
  @ApiProblems(400, 401, 403, CUSTOMER_NOT_FOUND, NAME_TAKEN, 412)
  async update(@IdParam() id: string, @Body() dto: UpdateCustomerDto): Promise<CustomerResponse> {
    await this.commandBus.execute<UpdateCustomerCommand, CustomerEntity>(new UpdateCustomerCommand(id, dto));
    return this.view(id);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(Permission.ORG_CONTACT_EDIT)
  @ApiOperation({ summary: 'Delete a customer (soft); its contacts stay, unlinked from it.' })
  @ApiProblems(400, 401, 403, CUSTOMER_NOT_FOUND, 412)
  async remove(@IdParam() id: string): Promise<void> {
    await this.commandBus.execute(new DeleteCustomerCommand(id));
  }

  private async view(id: string): Promise<CustomerResponse> {
    return CustomerResponse.from(await this.queryBus.execute<GetCustomerQuery, CustomerView>(new GetCustomerQuery(id)));
  }
}
