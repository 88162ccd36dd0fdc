import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import {
  ApiPageResponse,
  ApiProblems,
  ApiTag,
  CrmRoute,
  IdParam,
  type Page,
  Permission,
  RequirePermissions,
} from '@clientele/core';
import { CreateContractCommand } from './commands/create-contract.command';
import { DeleteContractCommand } from './commands/delete-contract.command';
import { UpdateContractCommand } from './commands/update-contract.command';
import { ContractResponse } from './dto/contract.response';
import { CreateContractDto } from './dto/create-contract.dto';
import { ListContractsParams } from './dto/list-contracts.params';
import { UpdateContractDto } from './dto/update-contract.dto';
import type { ContractEntity } from './entities/contract.entity';
import { GetContractQuery } from './queries/get-contract.query';
import { ListContractsQuery } from './queries/list-contracts.query';

/**
 * Customers' support contracts, under the customer grants: reading needs `ORG_CUSTOMER_VIEW`,
 * writing `ORG_CUSTOMER_EDIT` (a contract is part of the customer record).
 */
@ApiTag(
  'contracts',
  'Customers’ support contracts: dates, derived status (PENDING, ACTIVE, EXPIRING, EXPIRED) and an SLA policy that overrides the organization’s default.',
)
@ApiBearerAuth()
@CrmRoute()
@Controller('contracts')
export class ContractsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @RequirePermissions(Permission.ORG_CUSTOMER_VIEW)
  @ApiOperation({ summary: 'Contracts, newest first, narrowed by customer, status (today, UTC) or name (`q`).' })
  @ApiPageResponse(ContractResponse)
  @ApiProblems(400, 401, 403, 404)
  async list(@Query() params: ListContractsParams): Promise<Page<ContractResponse>> {
    const now = new Date();
    const page = await this.queryBus.execute<ListContractsQuery, Page<ContractEntity>>(new ListContractsQuery(params));
    return page.map((contract) => ContractResponse.from(contract, now));
  }

  @Get(':id')
  @RequirePermissions(Permission.ORG_CUSTOMER_VIEW)
  @ApiOperation({ summary: 'One contract, with its SLA policy.' })
  @ApiProblems(400, 401, 403, 404)
  async get(@IdParam() id: string): Promise<ContractResponse> {
    return ContractResponse.from(
      await this.queryBus.execute<GetContractQuery, ContractEntity>(new GetContractQuery(id)),
    );
  }

  @Post()
  @RequirePermissions(Permission.ORG_CUSTOMER_EDIT)
  @ApiOperation({
    summary: 'Add a contract to a customer of the organization; `endDate` before `startDate` is 400 INVALID_RANGE.',
  })
  @ApiProblems(400, 401, 403, 404)
  async create(@Body() dto: CreateContractDto): Promise<ContractResponse> {
    return ContractResponse.from(
      await this.commandBus.execute<CreateContractCommand, ContractEntity>(new CreateContractCommand(dto)),
    );
  }

  @Patch(':id')
  @RequirePermissions(Permission.ORG_CUSTOMER_EDIT)
  @ApiOperation({ summary: 'Change the fields sent; `slaPolicy: null` falls back to the organization’s default.' })
  @ApiProblems(400, 401, 403, 404, 412)
  async update(@IdParam() id: string, @Body() dto: UpdateContractDto): Promise<ContractResponse> {
    return ContractResponse.from(
      await this.commandBus.execute<UpdateContractCommand, ContractEntity>(new UpdateContractCommand(id, dto)),
    );
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions(Permission.ORG_CUSTOMER_EDIT)
  @ApiOperation({ summary: 'Delete a contract (soft); open tickets keep their due times.' })
  @ApiProblems(400, 401, 403, 404, 412)
  async remove(@IdParam() id: string): Promise<void> {
    await this.commandBus.execute(new DeleteContractCommand(id));
  }
}
